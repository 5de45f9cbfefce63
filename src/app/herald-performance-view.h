/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"
#include "herald-campaign-performance.h"
#include "herald-chart.h"
#include "herald-date-range.h"

G_BEGIN_DECLS

#define HERALD_TYPE_PERFORMANCE_VIEW (herald_performance_view_get_type ())

G_DECLARE_FINAL_TYPE (HeraldPerformanceView, herald_performance_view, HERALD, PERFORMANCE_VIEW, AdwBin)

HeraldStore       *herald_performance_view_get_store         (HeraldPerformanceView  *self);
void               herald_performance_view_set_store         (HeraldPerformanceView  *self,
                                                              HeraldStore            *store);
HeraldDateRange   *herald_performance_view_get_date_range    (HeraldPerformanceView  *self);
GListModel        *herald_performance_view_get_rows          (HeraldPerformanceView  *self);
char              *herald_performance_view_dup_total_text    (HeraldPerformanceView  *self,
                                                              guint                   index,
                                                              char                  **detail);
void               herald_performance_view_set_sort          (HeraldPerformanceView  *self,
                                                              HeraldPerformanceSort   sort,
                                                              gboolean                descending);
HeraldChart       *herald_performance_view_get_compare_chart (HeraldPerformanceView  *self);
GtkSelectionModel *herald_performance_view_get_selection     (HeraldPerformanceView  *self);
const char        *herald_performance_view_get_as_of_text    (HeraldPerformanceView  *self);
char              *herald_performance_view_dup_cell_text     (HeraldPerformanceView  *self,
                                                              guint                   position,
                                                              guint                   column,
                                                              char                  **denominator);
gboolean           herald_performance_view_export            (HeraldPerformanceView  *self,
                                                              HeraldPerformanceExport format,
                                                              const char             *path,
                                                              GError                **error);

G_END_DECLS
