/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-chart-layer.c: the base of the chart's layers.
 *
 * A layer watches a GListModel of HeraldChartSeries and tells the chart
 * when anything changed; the chart then asks every layer for its extents,
 * chooses the axes and lets each layer normalise its data (layout) before
 * the next frame.  snapshot() only scales the normalised values to the
 * plot area, as in sysprof's charts.
 *
 * The style helpers give each series index a colour from the GNOME
 * palette (a lighter shade in dark mode) plus a dash pattern and a
 * marker shape for lines and a fill pattern for columns, so that series
 * stay apart without colour. */

#include "config.h"

#include "herald-chart-layer.h"
#include "herald-chart-math.h"

typedef struct
{
  GListModel *model;
  GPtrArray  *series;
} HeraldChartLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HeraldChartLayer, herald_chart_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GNOME HIG palette: blue 3, green 4, yellow 5, orange 3, red 3, purple 3
 * on light backgrounds; one or two shades lighter on dark ones, so that
 * contrast with the background stays above 3:1. */
static const char *light_colors[] = { "#3584e4", "#2ec27e", "#e5a50a", "#ff7800", "#e01b24", "#9141ac" };
static const char *dark_colors[] = { "#62a0ea", "#57e389", "#f8e45c", "#ffa348", "#f66151", "#dc8add" };

static void
disconnect_series (HeraldChartLayer *self)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  for (guint i = 0; i < priv->series->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (priv->series, i), self);
  g_ptr_array_set_size (priv->series, 0);
}

static void
series_changed_cb (HeraldChartSeries *series,
                   HeraldChartLayer  *self)
{
  herald_chart_layer_changed (self);
}

static void
model_items_changed_cb (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        HeraldChartLayer *self)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);
  guint n = g_list_model_get_n_items (model);

  disconnect_series (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!HERALD_IS_CHART_SERIES (item))
        {
          g_critical ("A chart layer's model must hold HeraldChartSeries, not %s",
                      G_OBJECT_TYPE_NAME (item));
          continue;
        }
      g_signal_connect (item, "changed", G_CALLBACK (series_changed_cb), self);
      g_ptr_array_add (priv->series, g_steal_pointer (&item));
    }

  herald_chart_layer_changed (self);
}

static gboolean
herald_chart_layer_real_get_extents (HeraldChartLayer *self,
                                     double           *x_min,
                                     double           *x_max,
                                     double           *y_min,
                                     double           *y_max)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);
  gboolean found = FALSE;

  for (guint i = 0; i < priv->series->len; i++)
    {
      HeraldChartSeries *series = g_ptr_array_index (priv->series, i);
      guint n = herald_chart_series_get_n_points (series);
      const double *xs = herald_chart_series_get_xs (series);
      const double *ys = herald_chart_series_get_ys (series);
      double lo, hi;

      if (n == 0 || !herald_chart_extent (ys, n, &lo, &hi))
        continue;
      if (!found)
        {
          *x_min = xs[0];
          *x_max = xs[n - 1];
          *y_min = lo;
          *y_max = hi;
          found = TRUE;
          continue;
        }
      *x_min = MIN (*x_min, xs[0]);
      *x_max = MAX (*x_max, xs[n - 1]);
      *y_min = MIN (*y_min, lo);
      *y_max = MAX (*y_max, hi);
    }

  return found;
}

static void
herald_chart_layer_real_snapshot_swatch (HeraldChartLayer         *self,
                                         GtkSnapshot              *snapshot,
                                         guint                     index,
                                         const graphene_rect_t    *rect,
                                         const HeraldChartContext *ctx)
{
  guint style = ctx->first_style + index;
  GdkRGBA color, background;
  cairo_t *cr;

  herald_chart_style_get_color (style, ctx->dark, &color);
  herald_chart_style_get_foreground (!ctx->dark, 1, &background);
  gtk_snapshot_append_color (snapshot, &color, rect);

  /* The marker in the background colour on the swatch, so that the
   * legend tells series apart without colour. */
  cr = gtk_snapshot_append_cairo (snapshot, rect);
  herald_chart_style_marker_path (style, cr, rect->origin.x + rect->size.width / 2,
                                  rect->origin.y + rect->size.height / 2,
                                  MIN (rect->size.width, rect->size.height) * 0.6);
  gdk_cairo_set_source_rgba (cr, &background);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
herald_chart_layer_dispose (GObject *object)
{
  HeraldChartLayer *self = HERALD_CHART_LAYER (object);
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  if (priv->model != NULL)
    {
      disconnect_series (self);
      g_signal_handlers_disconnect_by_data (priv->model, self);
      g_clear_object (&priv->model);
    }

  G_OBJECT_CLASS (herald_chart_layer_parent_class)->dispose (object);
}

static void
herald_chart_layer_finalize (GObject *object)
{
  HeraldChartLayer *self = HERALD_CHART_LAYER (object);
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  g_clear_pointer (&priv->series, g_ptr_array_unref);

  G_OBJECT_CLASS (herald_chart_layer_parent_class)->finalize (object);
}

static void
herald_chart_layer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeraldChartLayer *self = HERALD_CHART_LAYER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, herald_chart_layer_get_model (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_chart_layer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HeraldChartLayer *self = HERALD_CHART_LAYER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      herald_chart_layer_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_chart_layer_class_init (HeraldChartLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_chart_layer_dispose;
  object_class->finalize = herald_chart_layer_finalize;
  object_class->get_property = herald_chart_layer_get_property;
  object_class->set_property = herald_chart_layer_set_property;

  klass->get_extents = herald_chart_layer_real_get_extents;
  klass->snapshot_swatch = herald_chart_layer_real_snapshot_swatch;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HeraldChartLayer::changed:
   *
   * Emitted when the layer's data changed and the chart must lay out
   * and draw again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
herald_chart_layer_init (HeraldChartLayer *self)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  priv->series = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * herald_chart_layer_get_model:
 * @self: a layer
 *
 * Returns: (transfer none) (nullable): the model of #HeraldChartSeries.
 */
GListModel *
herald_chart_layer_get_model (HeraldChartLayer *self)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_CHART_LAYER (self), NULL);

  return priv->model;
}

/**
 * herald_chart_layer_set_model:
 * @self: a layer
 * @model: (nullable): a #GListModel of #HeraldChartSeries
 *
 * Sets the series the layer draws.  The layer follows `items-changed` of
 * @model and `changed` of each series.
 */
void
herald_chart_layer_set_model (HeraldChartLayer *self,
                              GListModel       *model)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  g_return_if_fail (HERALD_IS_CHART_LAYER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (priv->model == model)
    return;

  if (priv->model != NULL)
    {
      disconnect_series (self);
      g_signal_handlers_disconnect_by_data (priv->model, self);
      g_clear_object (&priv->model);
    }

  if (model != NULL)
    {
      priv->model = g_object_ref (model);
      g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
      model_items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
    }
  else
    herald_chart_layer_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * herald_chart_layer_get_n_series:
 * @self: a layer
 *
 * Returns: how many series the layer draws (and shows in the legend).
 */
guint
herald_chart_layer_get_n_series (HeraldChartLayer *self)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_CHART_LAYER (self), 0);

  return priv->series->len;
}

/**
 * herald_chart_layer_get_series:
 * @self: a layer
 * @index: below herald_chart_layer_get_n_series()
 *
 * Returns: (transfer none): the series at @index.
 */
HeraldChartSeries *
herald_chart_layer_get_series (HeraldChartLayer *self,
                               guint             index)
{
  HeraldChartLayerPrivate *priv = herald_chart_layer_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_CHART_LAYER (self), NULL);
  g_return_val_if_fail (index < priv->series->len, NULL);

  return g_ptr_array_index (priv->series, index);
}

/**
 * herald_chart_layer_changed:
 * @self: a layer
 *
 * For subclasses: says that the data changed, so that the chart lays out
 * and draws again.
 */
void
herald_chart_layer_changed (HeraldChartLayer *self)
{
  g_return_if_fail (HERALD_IS_CHART_LAYER (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * herald_chart_layer_get_extents:
 * @self: a layer
 * @x_min: (out): the smallest x
 * @x_max: (out): the largest x
 * @y_min: (out): the smallest y
 * @y_max: (out): the largest y
 *
 * Returns: whether the layer has data on the chart's axes.
 */
gboolean
herald_chart_layer_get_extents (HeraldChartLayer *self,
                                double           *x_min,
                                double           *x_max,
                                double           *y_min,
                                double           *y_max)
{
  g_return_val_if_fail (HERALD_IS_CHART_LAYER (self), FALSE);

  *x_min = *x_max = *y_min = *y_max = 0;
  return HERALD_CHART_LAYER_GET_CLASS (self)->get_extents (self, x_min, x_max, y_min, y_max);
}

/**
 * herald_chart_layer_layout:
 * @self: a layer
 * @ctx: the axes and plot area
 *
 * Lets the layer normalise its data for @ctx.
 */
void
herald_chart_layer_layout (HeraldChartLayer         *self,
                           const HeraldChartContext *ctx)
{
  g_return_if_fail (HERALD_IS_CHART_LAYER (self));

  if (HERALD_CHART_LAYER_GET_CLASS (self)->layout != NULL)
    HERALD_CHART_LAYER_GET_CLASS (self)->layout (self, ctx);
}

/**
 * herald_chart_layer_snapshot:
 * @self: a layer
 * @snapshot: where to draw
 * @ctx: the axes and plot area, as given to the last layout
 *
 * Draws the layer.
 */
void
herald_chart_layer_snapshot (HeraldChartLayer         *self,
                             GtkSnapshot              *snapshot,
                             const HeraldChartContext *ctx)
{
  g_return_if_fail (HERALD_IS_CHART_LAYER (self));

  if (HERALD_CHART_LAYER_GET_CLASS (self)->snapshot != NULL)
    HERALD_CHART_LAYER_GET_CLASS (self)->snapshot (self, snapshot, ctx);
}

/**
 * herald_chart_layer_snapshot_swatch:
 * @self: a layer
 * @snapshot: where to draw
 * @index: the series' index in the layer
 * @rect: the swatch's area
 * @ctx: the chart's context
 *
 * Draws the legend sample of a series.
 */
void
herald_chart_layer_snapshot_swatch (HeraldChartLayer         *self,
                                    GtkSnapshot              *snapshot,
                                    guint                     index,
                                    const graphene_rect_t    *rect,
                                    const HeraldChartContext *ctx)
{
  g_return_if_fail (HERALD_IS_CHART_LAYER (self));

  HERALD_CHART_LAYER_GET_CLASS (self)->snapshot_swatch (self, snapshot, index, rect, ctx);
}

/**
 * herald_chart_style_get_color:
 * @style: a series' style index
 * @dark: whether the background is dark
 * @color: (out): the series' colour
 *
 * Gets the palette colour of a series.
 */
void
herald_chart_style_get_color (guint     style,
                              gboolean  dark,
                              GdkRGBA  *color)
{
  const char **colors = dark ? dark_colors : light_colors;

  gdk_rgba_parse (color, colors[style % G_N_ELEMENTS (light_colors)]);
}

/**
 * herald_chart_style_set_dash:
 * @style: a series' style index
 * @cr: a cairo context
 *
 * Sets the series' dash pattern on @cr: solid, dashed, dotted,
 * dash-dotted, short-dashed, long-dashed, repeating after six series.
 */
void
herald_chart_style_set_dash (guint    style,
                             cairo_t *cr)
{
  static const double dashed[] = { 8, 4 };
  static const double dotted[] = { 0.1, 4.5 };
  static const double dash_dot[] = { 10, 3.5, 0.1, 3.5 };
  static const double short_dash[] = { 3.5, 3.5 };
  static const double long_dash[] = { 16, 4 };

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (style % 6)
    {
    case 0:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case 1:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case 2:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case 3:
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;
    case 4:
      cairo_set_dash (cr, short_dash, G_N_ELEMENTS (short_dash), 0);
      break;
    default:
      cairo_set_dash (cr, long_dash, G_N_ELEMENTS (long_dash), 0);
      break;
    }
}

/**
 * herald_chart_style_marker_path:
 * @style: a series' style index
 * @cr: a cairo context
 * @x: the marker's centre
 * @y: the marker's centre
 * @size: the marker's width
 *
 * Adds the series' marker shape to @cr's path: circle, square, triangle,
 * diamond, triangle pointing down, cross.
 */
void
herald_chart_style_marker_path (guint    style,
                                cairo_t *cr,
                                double   x,
                                double   y,
                                double   size)
{
  double r = size / 2;

  cairo_new_sub_path (cr);
  switch (style % 6)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r * 1.1);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case 4:
      cairo_move_to (cr, x - r, y - r * 0.8);
      cairo_line_to (cr, x + r, y - r * 0.8);
      cairo_line_to (cr, x, y + r);
      cairo_close_path (cr);
      break;
    default:
      {
        double t = r * 0.35;

        cairo_move_to (cr, x - t, y - r);
        cairo_line_to (cr, x + t, y - r);
        cairo_line_to (cr, x + t, y - t);
        cairo_line_to (cr, x + r, y - t);
        cairo_line_to (cr, x + r, y + t);
        cairo_line_to (cr, x + t, y + t);
        cairo_line_to (cr, x + t, y + r);
        cairo_line_to (cr, x - t, y + r);
        cairo_line_to (cr, x - t, y + t);
        cairo_line_to (cr, x - r, y + t);
        cairo_line_to (cr, x - r, y - t);
        cairo_line_to (cr, x - t, y - t);
        cairo_close_path (cr);
      }
      break;
    }
}

/**
 * herald_chart_style_get_foreground:
 * @dark: whether the background is dark
 * @alpha: the opacity, 1 for text
 * @color: (out): the foreground colour: libadwaita's window foreground
 *
 * Gets the colour of text, axes and grid lines.
 */
void
herald_chart_style_get_foreground (gboolean  dark,
                                   double    alpha,
                                   GdkRGBA  *color)
{
  if (dark)
    *color = (GdkRGBA) { 1, 1, 1, 1 };
  else
    *color = (GdkRGBA) { 0, 0, 0, 0.8 };
  color->alpha *= alpha;
}

/**
 * herald_chart_style_get_pattern:
 * @style: a series' style index
 *
 * Returns: the fill pattern of the series' columns: solid, diagonal
 *   stripes, dots, horizontal stripes, back-diagonal stripes, crosshatch,
 *   repeating after six series like colours, dashes and markers
 */
HeraldChartPattern
herald_chart_style_get_pattern (guint style)
{
  return (HeraldChartPattern) (style % 6);
}

static void
diagonal_path (cairo_t *cr,
               gboolean rising)
{
  double t = HERALD_CHART_PATTERN_TILE;

  /* Through the tile and its corners, so that tiles join seamlessly. */
  for (int k = -1; k <= 1; k++)
    {
      if (rising)
        {
          cairo_move_to (cr, k * t - 1, t + 1);
          cairo_line_to (cr, (k + 1) * t + 1, -1);
        }
      else
        {
          cairo_move_to (cr, k * t - 1, -1);
          cairo_line_to (cr, (k + 1) * t + 1, t + 1);
        }
    }
}

/**
 * herald_chart_style_create_pattern_tile:
 * @style: a series' style index
 * @dark: whether the background is dark
 *
 * Makes one tile of the series' fill pattern: marks in the background's
 * colour, half transparent, to be repeated over the series' colour with
 * herald_chart_style_append_pattern().  Made once per layout, not per
 * frame.
 *
 * Returns: (transfer full) (nullable): the tile, %HERALD_CHART_PATTERN_TILE
 *   pixels square at the origin; %NULL for the solid pattern
 */
GskRenderNode *
herald_chart_style_create_pattern_tile (guint    style,
                                        gboolean dark)
{
  HeraldChartPattern pattern = herald_chart_style_get_pattern (style);
  double t = HERALD_CHART_PATTERN_TILE;
  GskRenderNode *node;
  GdkRGBA mark;
  cairo_t *cr;

  if (pattern == HERALD_CHART_PATTERN_SOLID)
    return NULL;

  /* White marks on the light palette, black ones on the lighter shades of
   * the dark palette: both keep the contrast the colour has. */
  herald_chart_style_get_foreground (!dark, 1, &mark);
  mark.alpha = dark ? 0.45 : 0.6;

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, t, t));
  cr = gsk_cairo_node_get_draw_context (node);
  gdk_cairo_set_source_rgba (cr, &mark);
  cairo_set_line_width (cr, 1.75);
  switch (pattern)
    {
    case HERALD_CHART_PATTERN_DIAGONAL:
      diagonal_path (cr, TRUE);
      cairo_stroke (cr);
      break;
    case HERALD_CHART_PATTERN_DOTS:
      cairo_arc (cr, t / 2, t / 2, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case HERALD_CHART_PATTERN_HORIZONTAL:
      cairo_rectangle (cr, 0, t / 2 - 1, t, 2);
      cairo_fill (cr);
      break;
    case HERALD_CHART_PATTERN_BACK_DIAGONAL:
      diagonal_path (cr, FALSE);
      cairo_stroke (cr);
      break;
    case HERALD_CHART_PATTERN_CROSSHATCH:
      cairo_set_line_width (cr, 1.25);
      diagonal_path (cr, TRUE);
      diagonal_path (cr, FALSE);
      cairo_stroke (cr);
      break;
    case HERALD_CHART_PATTERN_SOLID:
    default:
      g_assert_not_reached ();
    }
  cairo_destroy (cr);
  return node;
}

/**
 * herald_chart_style_append_pattern:
 * @snapshot: where to draw
 * @tile: (nullable): a tile from herald_chart_style_create_pattern_tile()
 * @rect: the area to cover, such as a column
 *
 * Repeats @tile over @rect (a repeat node; the tile is drawn once, not
 * per column).  Tiles line up on a grid from the snapshot's origin, so
 * that neighbouring columns continue each other's stripes.
 */
void
herald_chart_style_append_pattern (GtkSnapshot           *snapshot,
                                   GskRenderNode         *tile,
                                   const graphene_rect_t *rect)
{
  GskRenderNode *node;

  if (tile == NULL)
    return;
  node = gsk_repeat_node_new (rect, tile, &GRAPHENE_RECT_INIT (0, 0, HERALD_CHART_PATTERN_TILE,
                                                                HERALD_CHART_PATTERN_TILE));
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
}
