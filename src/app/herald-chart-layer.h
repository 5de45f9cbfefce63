/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "herald-chart-series.h"

G_BEGIN_DECLS

/**
 * HeraldChartContext:
 * @widget: the chart, for Pango layouts
 * @plot: the plot area in the chart's coordinates
 * @x_min: the x value at the plot's left edge
 * @x_max: the x value at the plot's right edge
 * @y_min: the y value at the plot's bottom edge
 * @y_max: the y value at the plot's top edge
 * @dark: whether colours for a dark background are wanted
 * @first_style: the style index of the layer's first series; series
 *   keep their colour, dash and marker across layers and the legend
 *
 * What a layer needs to know to normalise and draw.
 */
typedef struct
{
  GtkWidget       *widget;
  graphene_rect_t  plot;
  double           x_min;
  double           x_max;
  double           y_min;
  double           y_max;
  gboolean         dark;
  guint            first_style;
} HeraldChartContext;

/**
 * HeraldChartPattern:
 * @HERALD_CHART_PATTERN_SOLID: no pattern, the colour alone
 * @HERALD_CHART_PATTERN_DIAGONAL: stripes rising to the right
 * @HERALD_CHART_PATTERN_DOTS: dots
 * @HERALD_CHART_PATTERN_HORIZONTAL: horizontal stripes
 * @HERALD_CHART_PATTERN_BACK_DIAGONAL: stripes falling to the right
 * @HERALD_CHART_PATTERN_CROSSHATCH: both diagonals
 *
 * The fill pattern of a series' columns and legend swatch, so that
 * columns, like lines with their dashes and markers, are told apart
 * without colour.
 */
typedef enum {
  HERALD_CHART_PATTERN_SOLID,
  HERALD_CHART_PATTERN_DIAGONAL,
  HERALD_CHART_PATTERN_DOTS,
  HERALD_CHART_PATTERN_HORIZONTAL,
  HERALD_CHART_PATTERN_BACK_DIAGONAL,
  HERALD_CHART_PATTERN_CROSSHATCH,
} HeraldChartPattern;

/* The size of a pattern tile in pixels; columns narrower than about one
 * tile show no pattern (it would be a smudge), only their colour. */
#define HERALD_CHART_PATTERN_TILE 8.0

#define HERALD_TYPE_CHART_LAYER (herald_chart_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (HeraldChartLayer, herald_chart_layer, HERALD, CHART_LAYER, GObject)

/**
 * HeraldChartLayerClass:
 * @get_extents: the data's range; %FALSE when the layer has no data or
 *   does not use the chart's axes (a funnel)
 * @layout: normalise the data for the axes in @ctx; called when data,
 *   axes or size change, never from snapshot
 * @snapshot: draw the normalised data, scaled to @ctx->plot
 * @snapshot_swatch: draw series @index's legend sample into @rect
 *
 * A layer draws one kind of mark for the series in its model.
 */
struct _HeraldChartLayerClass
{
  GObjectClass parent_class;

  gboolean (*get_extents)     (HeraldChartLayer         *self,
                               double                   *x_min,
                               double                   *x_max,
                               double                   *y_min,
                               double                   *y_max);
  void     (*layout)          (HeraldChartLayer         *self,
                               const HeraldChartContext *ctx);
  void     (*snapshot)        (HeraldChartLayer         *self,
                               GtkSnapshot              *snapshot,
                               const HeraldChartContext *ctx);
  void     (*snapshot_swatch) (HeraldChartLayer         *self,
                               GtkSnapshot              *snapshot,
                               guint                     index,
                               const graphene_rect_t    *rect,
                               const HeraldChartContext *ctx);

  /*< private >*/
  gpointer padding[8];
};

GListModel        *herald_chart_layer_get_model      (HeraldChartLayer         *self);
void               herald_chart_layer_set_model      (HeraldChartLayer         *self,
                                                      GListModel               *model);
guint              herald_chart_layer_get_n_series   (HeraldChartLayer         *self);
HeraldChartSeries *herald_chart_layer_get_series     (HeraldChartLayer         *self,
                                                      guint                     index);
void               herald_chart_layer_changed        (HeraldChartLayer         *self);
gboolean           herald_chart_layer_get_extents    (HeraldChartLayer         *self,
                                                      double                   *x_min,
                                                      double                   *x_max,
                                                      double                   *y_min,
                                                      double                   *y_max);
void               herald_chart_layer_layout         (HeraldChartLayer         *self,
                                                      const HeraldChartContext *ctx);
void               herald_chart_layer_snapshot       (HeraldChartLayer         *self,
                                                      GtkSnapshot              *snapshot,
                                                      const HeraldChartContext *ctx);
void               herald_chart_layer_snapshot_swatch (HeraldChartLayer        *self,
                                                      GtkSnapshot              *snapshot,
                                                      guint                     index,
                                                      const graphene_rect_t    *rect,
                                                      const HeraldChartContext *ctx);

void               herald_chart_style_get_color      (guint                     style,
                                                      gboolean                  dark,
                                                      GdkRGBA                  *color);
void               herald_chart_style_set_dash       (guint                     style,
                                                      cairo_t                  *cr);
void               herald_chart_style_marker_path    (guint                     style,
                                                      cairo_t                  *cr,
                                                      double                    x,
                                                      double                    y,
                                                      double                    size);
void               herald_chart_style_get_foreground (gboolean                  dark,
                                                      double                    alpha,
                                                      GdkRGBA                  *color);
HeraldChartPattern herald_chart_style_get_pattern    (guint                     style);
GskRenderNode     *herald_chart_style_create_pattern_tile (guint                style,
                                                      gboolean                  dark);
void               herald_chart_style_append_pattern (GtkSnapshot              *snapshot,
                                                      GskRenderNode            *tile,
                                                      const graphene_rect_t    *rect);

G_END_DECLS
