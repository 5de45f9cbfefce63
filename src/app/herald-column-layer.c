/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-column-layer.c: series as columns, stacked or side by side.
 *
 * Columns are plain rectangles (gtk_snapshot_append_color), which the
 * GPU renderers batch well.  Stacking goes by point index: the series of
 * one layer are expected to share their x values, as per-day arrays do.
 * So that series can be told apart without colour, each has a fill
 * pattern (stripes, dots, crosshatch: a tile made once per layout and
 * repeated over the column by a repeat node), shown on its legend swatch
 * too; stacked segments are also separated by a one-pixel gap and stack
 * in legend order.  Columns too narrow for a pattern keep the gap and the
 * order. */

#include "config.h"

#include <math.h>

#include "herald-chart-math.h"
#include "herald-column-layer.h"

typedef struct
{
  float *x;
  float *bottom;
  float *top;
  guint  n;
} Columns;

/* Narrower columns show no pattern: a tile cut to a sliver is noise. */
#define MIN_PATTERN_WIDTH 5.0
#define MIN_PATTERN_HEIGHT 4.0

struct _HeraldColumnLayer
{
  HeraldChartLayer  parent_instance;

  GArray           *columns;
  float             unit;
  gboolean          stacked;

  /* One pattern tile per series (NULL: solid), for tiles_dark. */
  GPtrArray        *tiles;
  gboolean          tiles_dark;
  guint             tiles_first_style;
};

G_DEFINE_FINAL_TYPE (HeraldColumnLayer, herald_column_layer, HERALD_TYPE_CHART_LAYER)

enum {
  PROP_0,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_columns (gpointer data)
{
  Columns *c = data;

  g_clear_pointer (&c->x, g_free);
  g_clear_pointer (&c->bottom, g_free);
  g_clear_pointer (&c->top, g_free);
}

static void
unref_tile (gpointer tile)
{
  if (tile != NULL)
    gsk_render_node_unref (tile);
}

static double
value_or_zero (double v)
{
  return isfinite (v) ? v : 0;
}

static gboolean
herald_column_layer_get_extents (HeraldChartLayer *layer,
                                 double           *x_min,
                                 double           *x_max,
                                 double           *y_min,
                                 double           *y_max)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (layer);
  guint n_series = herald_chart_layer_get_n_series (layer);
  g_autoptr(GArray) pos = NULL;
  g_autoptr(GArray) neg = NULL;
  gboolean found;

  found = HERALD_CHART_LAYER_CLASS (herald_column_layer_parent_class)->get_extents (layer, x_min, x_max,
                                                                                     y_min, y_max);
  if (!found || !self->stacked)
    return found;

  /* Stacked: the extremes are the sums of each column's positive and
   * negative parts. */
  pos = g_array_new (FALSE, TRUE, sizeof (double));
  neg = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint i = 0; i < n_series; i++)
    {
      HeraldChartSeries *series = herald_chart_layer_get_series (layer, i);
      guint n = herald_chart_series_get_n_points (series);
      const double *ys = herald_chart_series_get_ys (series);

      if (pos->len < n)
        {
          g_array_set_size (pos, n);
          g_array_set_size (neg, n);
        }
      for (guint j = 0; j < n; j++)
        {
          double v = value_or_zero (ys[j]);

          if (v >= 0)
            g_array_index (pos, double, j) += v;
          else
            g_array_index (neg, double, j) += v;
        }
    }

  *y_min = 0;
  *y_max = 0;
  for (guint j = 0; j < pos->len; j++)
    {
      *y_max = MAX (*y_max, g_array_index (pos, double, j));
      *y_min = MIN (*y_min, g_array_index (neg, double, j));
    }

  return TRUE;
}

static void
herald_column_layer_layout (HeraldChartLayer         *layer,
                            const HeraldChartContext *ctx)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (layer);
  guint n_series = herald_chart_layer_get_n_series (layer);
  g_autoptr(GArray) pos = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GArray) neg = g_array_new (FALSE, TRUE, sizeof (double));
  double x_range = ctx->x_max - ctx->x_min;
  double y_range = ctx->y_max - ctx->y_min;
  double spacing = G_MAXDOUBLE;

  g_array_set_size (self->columns, 0);

  if (self->tiles->len != n_series || self->tiles_dark != ctx->dark
      || self->tiles_first_style != ctx->first_style)
    {
      g_ptr_array_set_size (self->tiles, 0);
      for (guint i = 0; i < n_series; i++)
        g_ptr_array_add (self->tiles, herald_chart_style_create_pattern_tile (ctx->first_style + i, ctx->dark));
      self->tiles_dark = ctx->dark;
      self->tiles_first_style = ctx->first_style;
    }

  for (guint i = 0; i < n_series; i++)
    {
      HeraldChartSeries *series = herald_chart_layer_get_series (layer, i);
      guint n = herald_chart_series_get_n_points (series);
      const double *xs = herald_chart_series_get_xs (series);
      const double *ys = herald_chart_series_get_ys (series);
      Columns c;

      c.n = n;
      c.x = g_new (float, n);
      c.bottom = g_new (float, n);
      c.top = g_new (float, n);
      herald_chart_normalize (xs, n, ctx->x_min, ctx->x_max, c.x);

      if (pos->len < n)
        {
          g_array_set_size (pos, n);
          g_array_set_size (neg, n);
        }

      for (guint j = 0; j < n; j++)
        {
          double v = value_or_zero (ys[j]);
          double base = 0;

          if (j > 0)
            spacing = MIN (spacing, xs[j] - xs[j - 1]);

          if (self->stacked)
            {
              double *acc = v >= 0 ? &g_array_index (pos, double, j) : &g_array_index (neg, double, j);

              base = *acc;
              *acc += v;
            }
          c.bottom[j] = (float) ((base - ctx->y_min) / y_range);
          c.top[j] = (float) ((base + v - ctx->y_min) / y_range);
        }

      g_array_append_val (self->columns, c);
    }

  if (spacing == G_MAXDOUBLE || !(spacing > 0))
    spacing = 1;
  self->unit = (float) (spacing / x_range);
}

static void
herald_column_layer_snapshot (HeraldChartLayer         *layer,
                              GtkSnapshot              *snapshot,
                              const HeraldChartContext *ctx)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (layer);
  const graphene_rect_t *plot = &ctx->plot;
  guint n_series = self->columns->len;
  double slot, width, gap;

  if (n_series == 0)
    return;

  /* A fifth of each slot stays free between columns when there is room. */
  slot = self->unit * plot->size.width;
  gap = slot >= 4 ? slot * 0.2 : 0;
  width = self->stacked ? slot - gap : (slot - gap) / n_series;

  for (guint i = 0; i < n_series; i++)
    {
      const Columns *c = &g_array_index (self->columns, Columns, i);
      double offset = self->stacked ? -width / 2 : -(slot - gap) / 2 + i * width;
      GskRenderNode *tile = i < self->tiles->len && width >= MIN_PATTERN_WIDTH
                            ? g_ptr_array_index (self->tiles, i) : NULL;
      GdkRGBA color;

      herald_chart_style_get_color (ctx->first_style + i, ctx->dark, &color);

      for (guint j = 0; j < c->n; j++)
        {
          double x = plot->origin.x + c->x[j] * plot->size.width + offset;
          double y0 = plot->origin.y + (1 - c->top[j]) * plot->size.height;
          double y1 = plot->origin.y + (1 - c->bottom[j]) * plot->size.height;
          double top = MIN (y0, y1);
          double height = fabs (y1 - y0);

          if (height <= 0)
            continue;
          /* The gap between stacked segments. */
          if (self->stacked && i > 0 && height > 2)
            height -= 1;

          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (x, top, MAX (width, 1), height));
          if (tile != NULL && height >= MIN_PATTERN_HEIGHT)
            herald_chart_style_append_pattern (snapshot, tile, &GRAPHENE_RECT_INIT (x, top, width, height));
        }
    }
}

static void
herald_column_layer_snapshot_swatch (HeraldChartLayer         *layer,
                                     GtkSnapshot              *snapshot,
                                     guint                     index,
                                     const graphene_rect_t    *rect,
                                     const HeraldChartContext *ctx)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (layer);
  GdkRGBA color;

  /* The legend shows what the columns show: the colour and its pattern. */
  herald_chart_style_get_color (ctx->first_style + index, ctx->dark, &color);
  gtk_snapshot_append_color (snapshot, &color, rect);
  if (index < self->tiles->len)
    herald_chart_style_append_pattern (snapshot, g_ptr_array_index (self->tiles, index), rect);
}

static void
herald_column_layer_finalize (GObject *object)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);

  G_OBJECT_CLASS (herald_column_layer_parent_class)->finalize (object);
}

static void
herald_column_layer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_column_layer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeraldColumnLayer *self = HERALD_COLUMN_LAYER (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      herald_column_layer_set_stacked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_column_layer_class_init (HeraldColumnLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldChartLayerClass *layer_class = HERALD_CHART_LAYER_CLASS (klass);

  object_class->finalize = herald_column_layer_finalize;
  object_class->get_property = herald_column_layer_get_property;
  object_class->set_property = herald_column_layer_set_property;

  layer_class->get_extents = herald_column_layer_get_extents;
  layer_class->layout = herald_column_layer_layout;
  layer_class->snapshot = herald_column_layer_snapshot;
  layer_class->snapshot_swatch = herald_column_layer_snapshot_swatch;

  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_column_layer_init (HeraldColumnLayer *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (Columns));
  g_array_set_clear_func (self->columns, clear_columns);
  self->tiles = g_ptr_array_new_with_free_func (unref_tile);
  self->stacked = TRUE;
}

/**
 * herald_column_layer_new:
 * @model: (nullable): a #GListModel of #HeraldChartSeries
 *
 * Returns: (transfer full): a layer drawing the series as stacked
 *   columns.
 */
HeraldChartLayer *
herald_column_layer_new (GListModel *model)
{
  return g_object_new (HERALD_TYPE_COLUMN_LAYER, "model", model, NULL);
}

/**
 * herald_column_layer_get_stacked:
 * @self: a column layer
 *
 * Returns: whether the columns are stacked rather than grouped.
 */
gboolean
herald_column_layer_get_stacked (HeraldColumnLayer *self)
{
  g_return_val_if_fail (HERALD_IS_COLUMN_LAYER (self), FALSE);

  return self->stacked;
}

/**
 * herald_column_layer_set_stacked:
 * @self: a column layer
 * @stacked: %TRUE to stack, %FALSE to put the series side by side
 *
 * Switches between stacked and grouped columns.
 */
void
herald_column_layer_set_stacked (HeraldColumnLayer *self,
                                 gboolean           stacked)
{
  g_return_if_fail (HERALD_IS_COLUMN_LAYER (self));

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;

  self->stacked = stacked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
  herald_chart_layer_changed (HERALD_CHART_LAYER (self));
}
