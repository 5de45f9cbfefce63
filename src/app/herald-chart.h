/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "herald-chart-layer.h"
#include "herald-chart-math.h"

G_BEGIN_DECLS

#define HERALD_CHART_ERROR (herald_chart_error_quark ())

/**
 * HeraldChartError:
 * @HERALD_CHART_ERROR_EMPTY: the chart has nothing to export
 * @HERALD_CHART_ERROR_WRITE: the file could not be written
 *
 * Errors of chart exports.
 */
typedef enum
{
  HERALD_CHART_ERROR_EMPTY,
  HERALD_CHART_ERROR_WRITE,
} HeraldChartError;

/**
 * HeraldChartTable:
 * @n_columns: the number of columns
 * @headers: (array zero-terminated=1): the column titles
 * @rows: (element-type GStrv): the cells as shown, formatted for the
 *   locale, "—" for a missing value
 * @raw_rows: (element-type GStrv): the same cells for machines: ISO 8601
 *   days, numbers with a dot and all their digits, empty when missing
 *
 * The numbers of a chart as a table, for a "show as table" view and CSV.
 */
typedef struct
{
  guint      n_columns;
  GStrv      headers;
  GPtrArray *rows;
  GPtrArray *raw_rows;
} HeraldChartTable;

#define HERALD_TYPE_CHART (herald_chart_get_type ())

G_DECLARE_FINAL_TYPE (HeraldChart, herald_chart, HERALD, CHART, GtkWidget)

GQuark            herald_chart_error_quark        (void);

HeraldChart      *herald_chart_new                (void);
void              herald_chart_add_layer          (HeraldChart       *self,
                                                   HeraldChartLayer  *layer);
void              herald_chart_remove_layer       (HeraldChart       *self,
                                                   HeraldChartLayer  *layer);
guint             herald_chart_get_n_layers       (HeraldChart       *self);
const char       *herald_chart_get_title          (HeraldChart       *self);
void              herald_chart_set_title          (HeraldChart       *self,
                                                   const char        *title);
gboolean          herald_chart_get_date_axis      (HeraldChart       *self);
void              herald_chart_set_date_axis      (HeraldChart       *self,
                                                   gboolean           date_axis);
gboolean          herald_chart_get_integer_values (HeraldChart       *self);
void              herald_chart_set_integer_values (HeraldChart       *self,
                                                   gboolean           integer_values);

gboolean          herald_chart_get_percent_values (HeraldChart       *self);
void              herald_chart_set_percent_values (HeraldChart       *self,
                                                   gboolean           percent_values);

gboolean          herald_chart_get_axes           (HeraldChart       *self,
                                                   double            *x_min,
                                                   double            *x_max,
                                                   HeraldAxisTicks   *y_ticks);
gboolean          herald_chart_get_plot_area      (HeraldChart       *self,
                                                   graphene_rect_t   *plot);
gboolean          herald_chart_value_to_point     (HeraldChart       *self,
                                                   double             x,
                                                   double             y,
                                                   graphene_point_t  *point);
guint             herald_chart_get_n_x_labels     (HeraldChart       *self);
const char       *herald_chart_get_x_label        (HeraldChart       *self,
                                                   guint              index,
                                                   double            *position);

gboolean          herald_chart_hover_at           (HeraldChart       *self,
                                                   double             x,
                                                   double             y);
void              herald_chart_clear_hover        (HeraldChart       *self);
gboolean          herald_chart_hover_step         (HeraldChart       *self,
                                                   int                delta);
gboolean          herald_chart_get_hover          (HeraldChart       *self,
                                                   double            *x_value);
char             *herald_chart_dup_hover_text     (HeraldChart       *self);

char             *herald_chart_dup_description    (HeraldChart       *self);
HeraldChartTable *herald_chart_dup_table          (HeraldChart       *self);
GtkWidget        *herald_chart_create_table_view  (HeraldChart       *self);

GskRenderNode    *herald_chart_render_node        (HeraldChart       *self,
                                                   int                width,
                                                   int                height);
gboolean          herald_chart_export_png         (HeraldChart       *self,
                                                   const char        *path,
                                                   int                width,
                                                   int                height,
                                                   GError           **error);
gboolean          herald_chart_export_svg         (HeraldChart       *self,
                                                   const char        *path,
                                                   int                width,
                                                   int                height,
                                                   GError           **error);
gboolean          herald_chart_export_csv         (HeraldChart       *self,
                                                   const char        *path,
                                                   GError           **error);

void              herald_chart_table_free         (HeraldChartTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldChartTable, herald_chart_table_free)

G_END_DECLS
