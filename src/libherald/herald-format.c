/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-format.c: numbers, money, rates and dates for people to read.
 *
 * Everything goes through the locale: thousands separators and the decimal
 * point from LC_NUMERIC (printf's ' flag), month names from LC_TIME, and
 * word order from the translation.  Times are stored in UTC and shown in
 * local time.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "herald-format.h"

/**
 * herald_format_count:
 * @value: a count
 *
 * Returns: (transfer full): @value with the locale's thousands separator,
 *   such as `3,210` or `3.210`.
 */
char *
herald_format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/**
 * herald_format_decimal:
 * @value: a number
 * @decimals: digits after the decimal point
 *
 * Returns: (transfer full): @value formatted for the locale.
 */
char *
herald_format_decimal (double value,
                       guint  decimals)
{
  if (!isfinite (value))
    return g_strdup (HERALD_NO_VALUE);
  /* Avoid "-0.0" for tiny negative values. */
  if (fabs (value) < 0.5 * pow (10, -(double) decimals))
    value = 0;
  /* A real minus sign, as money has (herald_format_money()). */
  if (value < 0)
    return g_strdup_printf ("−%'.*f", (int) decimals, -value);
  return g_strdup_printf ("%'.*f", (int) decimals, value);
}

/**
 * herald_format_percent:
 * @ratio: a ratio, 0.241 for 24.1 %
 * @decimals: digits after the decimal point
 *
 * Returns: (transfer full): the percentage, or "—" when @ratio is not a
 *   number.
 */
char *
herald_format_percent (double ratio,
                       guint  decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (ratio))
    return g_strdup (HERALD_NO_VALUE);
  number = herald_format_decimal (ratio * 100.0, decimals);
  /* Translators: a percentage; %s is the number. Use the spacing and
   * sign position of your language ("24.1 %", "24,1 %"). */
  return g_strdup_printf (C_("percent", "%s %%"), number);
}

/**
 * herald_format_rate:
 * @numerator: what is counted
 * @denominator: what it is counted out of
 * @decimals: digits after the decimal point
 *
 * Returns: (transfer full): @numerator / @denominator as a percentage, or
 *   "—" when @denominator is zero or negative: a rate without a
 *   denominator has no value, it is not 0.
 */
char *
herald_format_rate (gint64 numerator,
                    gint64 denominator,
                    guint  decimals)
{
  if (denominator <= 0)
    return g_strdup (HERALD_NO_VALUE);
  return herald_format_percent ((double) numerator / (double) denominator, decimals);
}

/**
 * herald_currency_decimals:
 * @currency: an ISO 4217 code
 *
 * Returns: the number of minor-unit digits of @currency (ISO 4217).
 */
int
herald_currency_decimals (const char *currency)
{
  static const char *zero[] = { "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
                                "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF" };
  static const char *three[] = { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    if (g_ascii_strcasecmp (currency, zero[i]) == 0)
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (g_ascii_strcasecmp (currency, three[i]) == 0)
      return 3;
  return 2;
}

/**
 * herald_currency_symbol:
 * @currency: an ISO 4217 code
 *
 * Returns: the symbol people know for @currency, or the code itself.
 */
const char *
herald_currency_symbol (const char *currency)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
    { "INR", "₹" }, { "KRW", "₩" }, { "PLN", "zł" }, { "TRY", "₺" },
  };

  if (currency == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;
  return currency;
}

static char *
replace_placeholders (const char *pattern,
                      const char *amount,
                      const char *symbol)
{
  g_autoptr(GString) out = g_string_new (pattern);

  g_string_replace (out, "{amount}", amount, 1);
  g_string_replace (out, "{symbol}", symbol, 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * herald_format_money:
 * @minor_units: an amount in the currency's minor units (cents)
 * @currency: an ISO 4217 code
 *
 * Money is never a double in Herald; this only formats it.
 *
 * Returns: (transfer full): such as `€1,234.56` or `1.234,56 €`.
 */
char *
herald_format_money (gint64      minor_units,
                     const char *currency)
{
  int decimals = herald_currency_decimals (currency);
  const char *symbol = herald_currency_symbol (currency);
  const char *point = localeconv ()->decimal_point;
  guint64 magnitude = minor_units < 0 ? (guint64) (-(minor_units + 1)) + 1 : (guint64) minor_units;
  guint64 scale = 1;
  g_autofree char *whole = NULL;
  g_autofree char *amount = NULL;
  const char *pattern;

  for (int i = 0; i < decimals; i++)
    scale *= 10;

  whole = g_strdup_printf ("%'" G_GUINT64_FORMAT, magnitude / scale);
  if (decimals > 0)
    amount = g_strdup_printf ("%s%s%s%0*" G_GUINT64_FORMAT, minor_units < 0 ? "−" : "",
                              whole, point, decimals, magnitude % scale);
  else
    amount = g_strdup_printf ("%s%s", minor_units < 0 ? "−" : "", whole);

  if (g_utf8_strlen (symbol, -1) > 1)
    /* Translators: an amount of money with a currency code, such as
     * "CHF 12.50". Keep {amount} and {symbol}; reorder them as your
     * language writes money. */
    pattern = C_("money with code", "{symbol} {amount}");
  else
    /* Translators: an amount of money with a currency sign, such as
     * "€12.50". Keep {amount} and {symbol}; reorder them as your language
     * writes money (German: "{amount} {symbol}"). */
    pattern = C_("money with sign", "{symbol}{amount}");

  return replace_placeholders (pattern, amount, symbol);
}

static gboolean
is_digit_group (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
         && !g_ascii_isdigit (p[3]);
}

/**
 * herald_parse_money:
 * @text: what a person typed, such as `1.234,50` or `1234.5 €`
 * @currency: the ISO 4217 code the amount is in
 * @minor_units: (out): the amount in minor units
 *
 * Accepts the locale's decimal point and thousands separator, and also a
 * plain `.` decimal point; a separator not followed by a group of three
 * digits is taken as the decimal point ("1234.50" in German); rejects more fraction digits than the currency
 * has, letters, and amounts that do not fit.
 *
 * Returns: whether @text was an amount.
 */
gboolean
herald_parse_money (const char *text,
                    const char *currency,
                    gint64     *minor_units)
{
  struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point;
  const char *sep = lc->thousands_sep;
  int decimals = herald_currency_decimals (currency);
  const char *symbol = herald_currency_symbol (currency);
  g_autoptr(GString) s = NULL;
  gboolean negative = FALSE, seen_point = FALSE, seen_digit = FALSE;
  guint64 whole = 0, frac = 0;
  int frac_digits = 0;

  g_return_val_if_fail (minor_units != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  s = g_string_new (text);
  g_string_replace (s, symbol, "", 0);
  if (currency != NULL)
    g_string_replace (s, currency, "", 0);
  g_strstrip (s->str);
  s->len = strlen (s->str);

  for (const char *p = s->str; *p != '\0'; )
    {
      if (p == s->str && (*p == '-' || g_str_has_prefix (p, "−")))
        {
          negative = TRUE;
          p += *p == '-' ? 1 : strlen ("−");
        }
      else if (g_ascii_isdigit (*p))
        {
          guint d = (guint) (*p - '0');

          seen_digit = TRUE;
          if (seen_point)
            {
              if (++frac_digits > decimals)
                return FALSE;
              frac = frac * 10 + d;
            }
          else
            {
              if (whole > ((guint64) G_MAXINT64 / 1000 - d) / 10)
                return FALSE;
              whole = whole * 10 + d;
            }
          p++;
        }
      else if (!seen_point && *point != '\0' && g_str_has_prefix (p, point))
        {
          seen_point = TRUE;
          p += strlen (point);
        }
      else if (!seen_point && *p == '.' && g_strcmp0 (sep, ".") != 0)
        {
          seen_point = TRUE;
          p++;
        }
      else if (!seen_point && *sep != '\0' && g_str_has_prefix (p, sep))
        {
          /* A thousands separator is followed by a group of three digits;
           * "1234.50" typed in a German locale means a decimal point. */
          const char *after = p + strlen (sep);

          if (is_digit_group (after))
            p = after;
          else if ((*sep == '.' || *sep == ',') && sep[1] == '\0')
            {
              seen_point = TRUE;
              p = after;
            }
          else
            return FALSE;
        }
      else if (!seen_point && (*p == ' ' || g_str_has_prefix (p, "\u202f") || g_str_has_prefix (p, "\u00a0")))
        p += *p == ' ' ? 1 : strlen ("\u202f");
      else
        return FALSE;
    }

  if (!seen_digit)
    return FALSE;

  for (int i = frac_digits; i < decimals; i++)
    frac *= 10;
  {
    guint64 scale = 1;

    for (int i = 0; i < decimals; i++)
      scale *= 10;
    *minor_units = (gint64) (whole * scale + frac);
  }
  if (negative)
    *minor_units = -*minor_units;
  return TRUE;
}

/**
 * herald_default_currency:
 *
 * Returns: the ISO 4217 code of the locale's currency (LC_MONETARY), or
 *   `EUR` where the locale has none (the C locale): Herald's first users
 *   work in euros.
 */
const char *
herald_default_currency (void)
{
  static char code[4];
  const char *intl = localeconv ()->int_curr_symbol;

  if (intl != NULL && strlen (intl) >= 3 && g_ascii_isupper (intl[0])
      && g_ascii_isupper (intl[1]) && g_ascii_isupper (intl[2]))
    {
      memcpy (code, intl, 3);
      code[3] = '\0';
      return code;
    }
  return "EUR";
}

/**
 * herald_format_date:
 * @utc: (nullable): a time
 *
 * Returns: (transfer full): the local date, such as `Nov 25, 2026`, or
 *   "—" for %NULL.
 */
char *
herald_format_date (GDateTime *utc)
{
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (HERALD_NO_VALUE);
  local = g_date_time_to_local (utc);
  /* Translators: a date; see g_date_time_format() for the codes. */
  return g_date_time_format (local, C_("date format", "%b %-d, %Y"));
}

/**
 * herald_format_datetime:
 * @utc: (nullable): a time
 *
 * Returns: (transfer full): the local date and time, such as
 *   `Nov 25, 2026, 14:30`, or "—" for %NULL.
 */
char *
herald_format_datetime (GDateTime *utc)
{
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (HERALD_NO_VALUE);
  local = g_date_time_to_local (utc);
  /* Translators: a date and time; see g_date_time_format() for the codes. */
  return g_date_time_format (local, C_("date and time format", "%b %-d, %Y, %H:%M"));
}

/**
 * herald_format_relative:
 * @utc: (nullable): a time in the past
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Returns: (transfer full): how long ago @utc was, such as `5 minutes ago`,
 *   for "synced 2 hours ago" honesty; older than a week gives the date.
 */
char *
herald_format_relative (GDateTime *utc,
                        GDateTime *now)
{
  g_autoptr(GDateTime) clock_now = NULL;
  GTimeSpan span;
  gint64 n;

  if (utc == NULL)
    return g_strdup (C_("time", "never"));
  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();

  span = g_date_time_difference (now, utc);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (C_("time", "just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      n = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (gulong) n), (int) n);
    }
  if (span < G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (gulong) n), (int) n);
    }
  if (span < 8 * G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_DAY;
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", (gulong) n), (int) n);
    }
  return herald_format_date (utc);
}
