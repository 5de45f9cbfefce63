/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every rate shows when its denominator is zero. */
#define HERALD_NO_VALUE "—"

char       *herald_format_count            (gint64       value);
char       *herald_format_decimal          (double       value,
                                            guint        decimals);
char       *herald_format_percent          (double       ratio,
                                            guint        decimals);
char       *herald_format_rate             (gint64       numerator,
                                            gint64       denominator,
                                            guint        decimals);
int         herald_currency_decimals       (const char  *currency);
const char *herald_currency_symbol         (const char  *currency);
char       *herald_format_money            (gint64       minor_units,
                                            const char  *currency);
gboolean    herald_parse_money             (const char  *text,
                                            const char  *currency,
                                            gint64      *minor_units);
const char *herald_default_currency        (void);
char       *herald_format_date             (GDateTime   *utc);
char       *herald_format_datetime         (GDateTime   *utc);
char       *herald_format_relative         (GDateTime   *utc,
                                            GDateTime   *now);

G_END_DECLS
