/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: numbers, money, rates and dates in English and German. */

#include "config.h"

#include <locale.h>

#include "herald.h"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_skip_printf ("locale %s is not generated (localedef -i de_DE -f UTF-8 de_DE.UTF-8)", name);
      return FALSE;
    }
  return TRUE;
}

static void
test_format_c_locale (void)
{
  g_autofree char *count = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *none = NULL;
  g_autofree char *money = NULL;
  g_autofree char *neg = NULL;
  g_autofree char *yen = NULL;
  g_autofree char *chf = NULL;
  g_autofree char *kwd = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  count = herald_format_count (3210);
  g_assert_cmpstr (count, ==, "3210");
  rate = herald_format_rate (774, 3210, 1);
  g_assert_cmpstr (rate, ==, "24.1 %");
  none = herald_format_rate (5, 0, 1);
  g_assert_cmpstr (none, ==, HERALD_NO_VALUE);
  money = herald_format_money (123456, "EUR");
  g_assert_cmpstr (money, ==, "€1234.56");
  neg = herald_format_money (-5, "USD");
  g_assert_cmpstr (neg, ==, "$−0.05");
  yen = herald_format_money (1500, "JPY");
  g_assert_cmpstr (yen, ==, "¥1500");
  chf = herald_format_money (1250, "CHF");
  g_assert_cmpstr (chf, ==, "CHF 12.50");
  kwd = herald_format_money (1001, "KWD");
  g_assert_cmpstr (kwd, ==, "KWD 1.001");
  g_assert_cmpint (herald_currency_decimals ("eur"), ==, 2);
  g_assert_cmpstr (herald_default_currency (), ==, "EUR");
  {
    g_autofree char *nan = herald_format_percent (0.0 / 0.0, 1);
    g_autofree char *zero = herald_format_decimal (-0.0001, 1);
    g_autofree char *loss = herald_format_percent (-0.4738, 1);
    g_assert_cmpstr (nan, ==, HERALD_NO_VALUE);
    g_assert_cmpstr (zero, ==, "0.0");
    /* A negative ROI has the minus sign money has, not a hyphen. */
    g_assert_cmpstr (loss, ==, "−47.4 %");
  }
}

static void
test_format_german (void)
{
  g_autofree char *count = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *money = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (!use_locale ("de_DE.UTF-8"))
    return;
  count = herald_format_count (3210);
  g_assert_cmpstr (count, ==, "3.210");
  rate = herald_format_rate (774, 3210, 1);
  g_assert_cmpstr (rate, ==, "24,1 %");
  money = herald_format_money (123456, "EUR");
  /* Without the German catalogue the English word order stays. */
  g_assert_true (g_str_equal (money, "1.234,56 €") || g_str_equal (money, "€1.234,56"));
  g_assert_cmpstr (herald_default_currency (), ==, "EUR");
  dt = g_date_time_new_utc (2026, 3, 5, 12, 0, 0);
  date = herald_format_date (dt);
  g_assert_nonnull (strstr (date, "2026"));
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_parse_money (void)
{
  static const struct {
    const char *locale;
    const char *text;
    const char *currency;
    gboolean ok;
    gint64 minor;
  } cases[] = {
    { "C.UTF-8", "1234.56", "EUR", TRUE, 123456 },
    { "C.UTF-8", "1234.5", "EUR", TRUE, 123450 },
    { "C.UTF-8", "12", "EUR", TRUE, 1200 },
    { "C.UTF-8", "€ 12.00", "EUR", TRUE, 1200 },
    { "C.UTF-8", "-3.5", "EUR", TRUE, -350 },
    { "C.UTF-8", "0", "JPY", TRUE, 0 },
    { "C.UTF-8", "1500", "JPY", TRUE, 1500 },
    { "C.UTF-8", "15.5", "JPY", FALSE, 0 },
    { "C.UTF-8", "1.234", "EUR", FALSE, 0 },
    { "C.UTF-8", "abc", "EUR", FALSE, 0 },
    { "C.UTF-8", "", "EUR", FALSE, 0 },
    { "C.UTF-8", "1.2.3", "EUR", FALSE, 0 },
    { "C.UTF-8", "99999999999999999999", "EUR", FALSE, 0 },
    { "de_DE.UTF-8", "1.234,56", "EUR", TRUE, 123456 },
    { "de_DE.UTF-8", "1234,5 €", "EUR", TRUE, 123450 },
    { "de_DE.UTF-8", "12,345", "EUR", FALSE, 0 },
    { "de_DE.UTF-8", "1234.50", "EUR", TRUE, 123450 },
    { "de_DE.UTF-8", "1.234", "EUR", TRUE, 123400 },
    { "de_DE.UTF-8", "1.234.567,8", "EUR", TRUE, 123456780 },
    { "de_DE.UTF-8", "12.3.4", "EUR", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 minor = -1;
      gboolean ok;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        continue;
      ok = herald_parse_money (cases[i].text, cases[i].currency, &minor);
      g_test_message ("%s %s → %d %" G_GINT64_FORMAT, cases[i].locale, cases[i].text, ok, minor);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (minor, ==, cases[i].minor);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_format_relative (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  static const struct { GTimeSpan ago; const char *expected; } cases[] = {
    { 10 * G_TIME_SPAN_SECOND, "just now" },
    { 1 * G_TIME_SPAN_MINUTE, "1 minute ago" },
    { 5 * G_TIME_SPAN_MINUTE, "5 minutes ago" },
    { 2 * G_TIME_SPAN_HOUR + 5 * G_TIME_SPAN_MINUTE, "2 hours ago" },
    { 3 * G_TIME_SPAN_DAY, "3 days ago" },
    { 30 * G_TIME_SPAN_DAY, "Oct 26, 2026" },
  };

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("TZ", "UTC", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add (now, -cases[i].ago);
      g_autofree char *str = herald_format_relative (then, now);
      g_assert_cmpstr (str, ==, cases[i].expected);
    }
  {
    g_autofree char *never = herald_format_relative (NULL, now);
    g_assert_cmpstr (never, ==, "never");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The catalogue is not bound here: these check the locale's formats. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/format/c-locale", test_format_c_locale);
  g_test_add_func ("/herald/format/german", test_format_german);
  g_test_add_func ("/herald/format/parse-money", test_parse_money);
  g_test_add_func ("/herald/format/relative", test_format_relative);

  return g_test_run ();
}
