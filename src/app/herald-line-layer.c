/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-line-layer.c: series as lines, optionally with the area below
 * them filled.  Curves are the one thing drawn with cairo; each series
 * gets its palette colour, dash pattern and markers spaced along it. */

#include "config.h"

#include <math.h>

#include "herald-chart-math.h"
#include "herald-line-layer.h"

/* Markers sit at least this many pixels apart. */
#define MARKER_SPACING 48.0
#define MARKER_SIZE 7.0
#define LINE_WIDTH 2.0

typedef struct
{
  float *x;
  float *y;
  guint  n;
} Normalized;

struct _HeraldLineLayer
{
  HeraldChartLayer  parent_instance;

  GArray           *normalized;
  gboolean          area;
};

G_DEFINE_FINAL_TYPE (HeraldLineLayer, herald_line_layer, HERALD_TYPE_CHART_LAYER)

enum {
  PROP_0,
  PROP_AREA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_normalized (gpointer data)
{
  Normalized *n = data;

  g_clear_pointer (&n->x, g_free);
  g_clear_pointer (&n->y, g_free);
}

static void
herald_line_layer_layout (HeraldChartLayer         *layer,
                          const HeraldChartContext *ctx)
{
  HeraldLineLayer *self = HERALD_LINE_LAYER (layer);
  guint n_series = herald_chart_layer_get_n_series (layer);

  g_array_set_size (self->normalized, 0);
  for (guint i = 0; i < n_series; i++)
    {
      HeraldChartSeries *series = herald_chart_layer_get_series (layer, i);
      Normalized n;

      n.n = herald_chart_series_get_n_points (series);
      n.x = g_new (float, n.n);
      n.y = g_new (float, n.n);
      herald_chart_normalize (herald_chart_series_get_xs (series), n.n, ctx->x_min, ctx->x_max, n.x);
      herald_chart_normalize (herald_chart_series_get_ys (series), n.n, ctx->y_min, ctx->y_max, n.y);
      g_array_append_val (self->normalized, n);
    }
}

static void
trace_series (cairo_t               *cr,
              const Normalized      *n,
              const graphene_rect_t *plot)
{
  gboolean pen_down = FALSE;

  for (guint j = 0; j < n->n; j++)
    {
      double x, y;

      if (isnan (n->y[j]))
        {
          pen_down = FALSE;
          continue;
        }
      x = plot->origin.x + n->x[j] * plot->size.width;
      y = plot->origin.y + (1 - n->y[j]) * plot->size.height;
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
}

static void
fill_area (cairo_t               *cr,
           const Normalized      *n,
           const graphene_rect_t *plot,
           double                 baseline)
{
  guint j = 0;

  /* One closed shape per run of values between gaps. */
  while (j < n->n)
    {
      while (j < n->n && isnan (n->y[j]))
        j++;
      if (j >= n->n)
        break;
      cairo_move_to (cr, plot->origin.x + n->x[j] * plot->size.width, baseline);
      for (; j < n->n && !isnan (n->y[j]); j++)
        cairo_line_to (cr, plot->origin.x + n->x[j] * plot->size.width,
                       plot->origin.y + (1 - n->y[j]) * plot->size.height);
      cairo_line_to (cr, plot->origin.x + n->x[j - 1] * plot->size.width, baseline);
      cairo_close_path (cr);
    }
}

static void
herald_line_layer_snapshot (HeraldChartLayer         *layer,
                            GtkSnapshot              *snapshot,
                            const HeraldChartContext *ctx)
{
  HeraldLineLayer *self = HERALD_LINE_LAYER (layer);
  const graphene_rect_t *plot = &ctx->plot;
  graphene_rect_t bounds;
  double baseline;
  cairo_t *cr;

  if (self->normalized->len == 0)
    return;

  /* Room for the line width and markers at the edges. */
  graphene_rect_inset_r (plot, -MARKER_SIZE, -MARKER_SIZE, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, LINE_WIDTH);

  /* The area fills down to zero (or the axis' edge if zero is off it). */
  baseline = plot->origin.y + plot->size.height *
             (1 - CLAMP ((0 - ctx->y_min) / (ctx->y_max - ctx->y_min), 0, 1));

  for (guint i = 0; i < self->normalized->len; i++)
    {
      const Normalized *n = &g_array_index (self->normalized, Normalized, i);
      guint style = ctx->first_style + i;
      GdkRGBA color;

      herald_chart_style_get_color (style, ctx->dark, &color);

      if (self->area)
        {
          GdkRGBA fill = color;

          fill.alpha = 0.18;
          fill_area (cr, n, plot, baseline);
          gdk_cairo_set_source_rgba (cr, &fill);
          cairo_fill (cr);
        }

      trace_series (cr, n, plot);
      herald_chart_style_set_dash (style, cr);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_stroke (cr);

      /* Markers every MARKER_SPACING pixels, shifted per series so that
       * they do not sit on top of each other where lines meet. */
      if (n->n > 0)
        {
          double px_per_point = n->n > 1 ? plot->size.width / (n->n - 1) : plot->size.width;
          guint every = MAX (1, (guint) ceil (MARKER_SPACING / MAX (px_per_point, 0.01)));
          guint offset = (i * every / 6) % every;

          for (guint j = offset; j < n->n; j += every)
            if (!isnan (n->y[j]))
              herald_chart_style_marker_path (style, cr,
                                              plot->origin.x + n->x[j] * plot->size.width,
                                              plot->origin.y + (1 - n->y[j]) * plot->size.height,
                                              MARKER_SIZE);
          cairo_fill (cr);
        }
    }

  cairo_destroy (cr);
}

static void
herald_line_layer_snapshot_swatch (HeraldChartLayer         *layer,
                                   GtkSnapshot              *snapshot,
                                   guint                     index,
                                   const graphene_rect_t    *rect,
                                   const HeraldChartContext *ctx)
{
  guint style = ctx->first_style + index;
  double y = rect->origin.y + rect->size.height / 2;
  GdkRGBA color;
  cairo_t *cr;

  herald_chart_style_get_color (style, ctx->dark, &color);
  cr = gtk_snapshot_append_cairo (snapshot, rect);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, LINE_WIDTH);
  herald_chart_style_set_dash (style, cr);
  cairo_move_to (cr, rect->origin.x + 1, y);
  cairo_line_to (cr, rect->origin.x + rect->size.width - 1, y);
  cairo_stroke (cr);
  herald_chart_style_marker_path (style, cr, rect->origin.x + rect->size.width / 2, y, MARKER_SIZE);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
herald_line_layer_finalize (GObject *object)
{
  HeraldLineLayer *self = HERALD_LINE_LAYER (object);

  g_clear_pointer (&self->normalized, g_array_unref);

  G_OBJECT_CLASS (herald_line_layer_parent_class)->finalize (object);
}

static void
herald_line_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeraldLineLayer *self = HERALD_LINE_LAYER (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_boolean (value, self->area);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_line_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeraldLineLayer *self = HERALD_LINE_LAYER (object);

  switch (prop_id)
    {
    case PROP_AREA:
      herald_line_layer_set_area (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_line_layer_class_init (HeraldLineLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldChartLayerClass *layer_class = HERALD_CHART_LAYER_CLASS (klass);

  object_class->finalize = herald_line_layer_finalize;
  object_class->get_property = herald_line_layer_get_property;
  object_class->set_property = herald_line_layer_set_property;

  layer_class->layout = herald_line_layer_layout;
  layer_class->snapshot = herald_line_layer_snapshot;
  layer_class->snapshot_swatch = herald_line_layer_snapshot_swatch;

  properties[PROP_AREA] =
    g_param_spec_boolean ("area", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_line_layer_init (HeraldLineLayer *self)
{
  self->normalized = g_array_new (FALSE, FALSE, sizeof (Normalized));
  g_array_set_clear_func (self->normalized, clear_normalized);
}

/**
 * herald_line_layer_new:
 * @model: (nullable): a #GListModel of #HeraldChartSeries
 *
 * Returns: (transfer full): a layer drawing each series as a line.
 */
HeraldChartLayer *
herald_line_layer_new (GListModel *model)
{
  return g_object_new (HERALD_TYPE_LINE_LAYER, "model", model, NULL);
}

/**
 * herald_line_layer_get_area:
 * @self: a line layer
 *
 * Returns: whether the area below each line is filled.
 */
gboolean
herald_line_layer_get_area (HeraldLineLayer *self)
{
  g_return_val_if_fail (HERALD_IS_LINE_LAYER (self), FALSE);

  return self->area;
}

/**
 * herald_line_layer_set_area:
 * @self: a line layer
 * @area: whether to fill the area below each line
 *
 * Switches between a line chart and an area chart.
 */
void
herald_line_layer_set_area (HeraldLineLayer *self,
                            gboolean         area)
{
  g_return_if_fail (HERALD_IS_LINE_LAYER (self));

  area = !!area;
  if (self->area == area)
    return;

  self->area = area;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
  herald_chart_layer_changed (HERALD_CHART_LAYER (self));
}
