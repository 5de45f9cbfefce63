/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * HeraldDateRangePreset:
 * @HERALD_DATE_RANGE_LAST_7_DAYS: today and the 6 days before
 * @HERALD_DATE_RANGE_LAST_30_DAYS: today and the 29 days before
 * @HERALD_DATE_RANGE_LAST_90_DAYS: today and the 89 days before
 * @HERALD_DATE_RANGE_ALL: no limit
 * @HERALD_DATE_RANGE_CUSTOM: the days chosen in the calendars
 *
 * The choices of a #HeraldDateRange, in the order shown.
 */
typedef enum {
  HERALD_DATE_RANGE_LAST_7_DAYS,
  HERALD_DATE_RANGE_LAST_30_DAYS,
  HERALD_DATE_RANGE_LAST_90_DAYS,
  HERALD_DATE_RANGE_ALL,
  HERALD_DATE_RANGE_CUSTOM,
} HeraldDateRangePreset;

#define HERALD_TYPE_DATE_RANGE (herald_date_range_get_type ())

G_DECLARE_FINAL_TYPE (HeraldDateRange, herald_date_range, HERALD, DATE_RANGE, GtkWidget)

GtkWidget            *herald_date_range_new        (void);
HeraldDateRangePreset herald_date_range_get_preset (HeraldDateRange       *self);
void                  herald_date_range_set_preset (HeraldDateRange       *self,
                                                    HeraldDateRangePreset  preset);
void                  herald_date_range_set_custom (HeraldDateRange       *self,
                                                    const char            *from_date,
                                                    const char            *to_date);
const char           *herald_date_range_get_from   (HeraldDateRange       *self);
const char           *herald_date_range_get_to     (HeraldDateRange       *self);

G_END_DECLS
