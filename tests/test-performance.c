/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-performance.c: the Performance view and the A/B results on the
 * demo data, with expected numbers
 * computed independently in SQL on a second connection. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>

#include "herald-ab-results.h"
#include "herald-application.h"
#include "herald-dialogs.h"
#include "herald-performance-view.h"
#include "herald-test-gui.h"

/* One application per process: it owns a name on the session bus. */
static HeraldApplication *app;

typedef struct
{
  HeraldStore       *store;
  sqlite3           *db;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (GPOINTER_TO_INT (data))
    f->store = g_object_ref (herald_application_get_store (app));
  else
    {
      g_autofree char *path = herald_test_make_store_path ();

      f->store = herald_store_open (path, NULL);
      g_assert_nonnull (f->store);
    }
  g_assert_cmpint (sqlite3_open_v2 (herald_store_get_path (f->store), &f->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1180, 1000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  herald_test_spin (20);
  sqlite3_close (f->db);
  g_clear_object (&f->store);
}

/* One integer from SQL, with up to two text parameters. */
static gint64
sql_int (Fixture    *f,
         const char *sql,
         const char *p1,
         const char *p2)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (p1 != NULL)
    sqlite3_bind_text (stmt, 1, p1, -1, SQLITE_TRANSIENT);
  if (p2 != NULL)
    sqlite3_bind_text (stmt, 2, p2, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
sql_text (Fixture    *f,
          const char *sql)
{
  sqlite3_stmt *stmt;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static HeraldPerformanceView *
show_view (Fixture *f)
{
  HeraldPerformanceView *view = g_object_new (HERALD_TYPE_PERFORMANCE_VIEW, "store", f->store, NULL);

  gtk_window_set_child (f->window, GTK_WIDGET (view));
  gtk_window_present (f->window);
  herald_test_wait_for_mapped (GTK_WIDGET (view));
  return view;
}

static void
assert_total (HeraldPerformanceView *view,
              guint                  index,
              const char            *expected_value,
              const char            *expected_detail)
{
  g_autofree char *detail = NULL;
  g_autofree char *value = herald_performance_view_dup_total_text (view, index, &detail);

  g_assert_cmpstr (value, ==, expected_value);
  if (expected_detail != NULL)
    g_assert_cmpstr (detail, ==, expected_detail);
}

/* Checks every totals card against sums made here in SQL. */
static void
check_totals (Fixture               *f,
              HeraldPerformanceView *view,
              const char            *from)
{
  const char *where = "FROM performance WHERE ?1 IS NULL OR date >= ?1";
  g_autofree char *q_sent = g_strdup_printf ("SELECT coalesce (sum (sent_count), 0) %s", where);
  g_autofree char *q_delivered = g_strdup_printf ("SELECT coalesce (sum (delivered_count), 0) %s", where);
  g_autofree char *q_opens = g_strdup_printf ("SELECT coalesce (sum (open_count), 0) %s", where);
  g_autofree char *q_clicks = g_strdup_printf ("SELECT coalesce (sum (click_count), 0) %s", where);
  g_autofree char *q_conversions = g_strdup_printf ("SELECT coalesce (sum (conversion_count), 0) %s", where);
  g_autofree char *q_revenue = g_strdup_printf ("SELECT coalesce (sum (revenue), 0) %s", where);
  g_autofree char *q_spent = g_strdup_printf ("SELECT coalesce (sum (spent), 0) %s", where);
  g_autofree char *q_machine = g_strdup_printf ("SELECT coalesce (sum (machine_open_count), 0) %s", where);
  /* SMS cannot be opened: open and click-to-open rates leave them out */
  const char *no_sms = "FROM performance AS p JOIN campaigns AS c ON c.id = p.campaign_id "
                       "WHERE c.type != 'sms' AND (?1 IS NULL OR p.date >= ?1)";
  g_autofree char *q_open_delivered = g_strdup_printf ("SELECT coalesce (sum (p.delivered_count), 0) %s", no_sms);
  g_autofree char *q_open_clicks = g_strdup_printf ("SELECT coalesce (sum (p.click_count), 0) %s", no_sms);
  gint64 sent = sql_int (f, q_sent, from, NULL);
  gint64 delivered = sql_int (f, q_delivered, from, NULL);
  gint64 opens = sql_int (f, q_opens, from, NULL);
  gint64 clicks = sql_int (f, q_clicks, from, NULL);
  gint64 conversions = sql_int (f, q_conversions, from, NULL);
  gint64 revenue = sql_int (f, q_revenue, from, NULL);
  gint64 spent = sql_int (f, q_spent, from, NULL);
  gint64 machine = sql_int (f, q_machine, from, NULL);
  gint64 open_delivered = sql_int (f, q_open_delivered, from, NULL);
  gint64 open_clicks = sql_int (f, q_open_clicks, from, NULL);
  g_autofree char *s_sent = herald_format_count (sent);
  g_autofree char *s_delivered = herald_format_count (delivered);
  g_autofree char *s_opens = herald_format_count (opens);
  g_autofree char *s_clicks = herald_format_count (clicks);
  g_autofree char *s_conversions = herald_format_count (conversions);
  g_autofree char *s_revenue = herald_format_money (revenue, "EUR");
  g_autofree char *s_spent = herald_format_money (spent, "EUR");
  g_autofree char *r_open = herald_format_rate (opens, open_delivered, 1);
  g_autofree char *s_open_delivered = herald_format_count (open_delivered);
  g_autofree char *r_delivered = herald_format_rate (delivered, sent, 1);
  g_autofree char *r_click = herald_format_rate (clicks, delivered, 1);
  g_autofree char *r_click_to_open = herald_format_rate (open_clicks, opens, 1);
  g_autofree char *r_conversion = herald_format_rate (conversions, delivered, 1);
  g_autofree char *s_machine = herald_format_count (machine);
  g_autofree char *d_opens = g_strdup_printf (_("%s of %s delivered (no SMS)"), r_open, s_open_delivered);
  g_autofree char *d_delivered = g_strdup_printf (_("%s of %s sent"), r_delivered, s_sent);
  g_autofree char *d_clicks_delivered = g_strdup_printf (_("%s of %s delivered"), r_click, s_delivered);
  g_autofree char *d_clicks_opens = g_strdup_printf (_("%s of %s opens"), r_click_to_open, s_opens);
  g_autofree char *d_clicks = g_strdup_printf ("%s\n%s", d_clicks_delivered, d_clicks_opens);
  g_autofree char *d_conversions = g_strdup_printf (_("%s of %s delivered"), r_conversion, s_delivered);
  g_autofree char *d_roi = g_strdup_printf (_("on %s spent"), s_spent);
  g_autofree char *roi = herald_format_percent ((double) (revenue - spent) / (double) spent, 1);

  g_assert_cmpint (sent, >, 0);
  g_assert_cmpint (spent, >, 0);
  /* the demo's SMS campaigns deliver in every period tested here */
  g_assert_cmpint (open_delivered, <, delivered);
  g_assert_cmpint (open_clicks, <, clicks);
  assert_total (view, 0, s_sent, "");
  assert_total (view, 1, s_delivered, d_delivered);
  /* Opens are people's; machine opens (mail in the demo) are said apart. */
  g_assert_cmpint (machine, >, 0);
  {
    g_autofree char *note = g_strdup_printf (ngettext ("+ %s machine open not counted",
                                                       "+ %s machine opens not counted", machine), s_machine);
    g_autofree char *detail = g_strdup_printf ("%s\n%s", d_opens, note);

    assert_total (view, 2, s_opens, detail);
  }
  assert_total (view, 3, s_clicks, d_clicks);
  assert_total (view, 4, s_conversions, d_conversions);
  assert_total (view, 5, s_revenue, "");
  assert_total (view, 6, s_spent, "");
  assert_total (view, 7, roi, d_roi);
}

static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  HeraldDateRange *range = herald_performance_view_get_date_range (view);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week = g_date_time_add_days (now, -6);
  g_autofree char *week_from = g_date_time_format (week, "%Y-%m-%d");
  g_autofree char *all_sent = NULL;
  g_autofree char *week_sent = NULL;

  g_assert_true (adw_bin_get_child (ADW_BIN (view)) != NULL);
  g_assert_false (ADW_IS_STATUS_PAGE (adw_bin_get_child (ADW_BIN (view))));

  herald_date_range_set_preset (range, HERALD_DATE_RANGE_ALL);
  g_assert_null (herald_date_range_get_from (range));
  check_totals (f, view, NULL);
  all_sent = herald_performance_view_dup_total_text (view, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (herald_performance_view_get_rows (view)), ==,
                    sql_int (f, "SELECT count (DISTINCT campaign_id) FROM performance", NULL, NULL));

  /* The period changes the numbers. */
  herald_date_range_set_preset (range, HERALD_DATE_RANGE_LAST_7_DAYS);
  g_assert_cmpstr (herald_date_range_get_from (range), ==, week_from);
  check_totals (f, view, week_from);
  week_sent = herald_performance_view_dup_total_text (view, 0, NULL);
  g_assert_cmpstr (all_sent, !=, week_sent);
  g_assert_cmpuint (g_list_model_get_n_items (herald_performance_view_get_rows (view)), ==,
                    sql_int (f, "SELECT count (DISTINCT campaign_id) FROM performance WHERE date >= ?1", week_from, NULL));

  /* A custom period of one day far in the past has no data: zero
   * denominators show "—", never 0 %. */
  herald_date_range_set_custom (range, "2001-01-01", "2001-01-02");
  {
    g_autofree char *detail = NULL;
    g_autofree char *value = herald_performance_view_dup_total_text (view, 2, &detail);
    g_autofree char *expected = g_strdup_printf (_("%s of %s delivered"), HERALD_NO_VALUE, "0");

    g_assert_cmpstr (value, ==, "0");
    g_assert_cmpstr (detail, ==, expected);
  }
  g_assert_cmpuint (g_list_model_get_n_items (herald_performance_view_get_rows (view)), ==, 0);
}

static double
row_key (HeraldPerformanceRow  *row,
         HeraldPerformanceSort  sort,
         gboolean              *has_value)
{
  gint64 delivered = herald_performance_row_get_delivered_count (row);
  gint64 opens = herald_performance_row_get_open_count (row);
  gint64 spent = herald_performance_row_get_spent (row);
  gboolean sms = herald_performance_row_get_campaign_type (row) == HERALD_CAMPAIGN_TYPE_SMS;

  *has_value = TRUE;
  switch (sort)
    {
    case HERALD_PERFORMANCE_SORT_SENT:
      return herald_performance_row_get_sent_count (row);
    case HERALD_PERFORMANCE_SORT_REVENUE:
      return herald_performance_row_get_revenue (row);
    case HERALD_PERFORMANCE_SORT_OPEN_RATE:
      *has_value = delivered > 0 && !sms;
      return delivered > 0 ? (double) opens / delivered : 0;
    case HERALD_PERFORMANCE_SORT_CLICK_RATE:
      *has_value = delivered > 0;
      return delivered > 0 ? (double) herald_performance_row_get_click_count (row) / delivered : 0;
    case HERALD_PERFORMANCE_SORT_CLICK_TO_OPEN:
      *has_value = opens > 0 && !sms;
      return opens > 0 ? (double) herald_performance_row_get_click_count (row) / opens : 0;
    case HERALD_PERFORMANCE_SORT_CONVERSION_RATE:
      *has_value = delivered > 0;
      return delivered > 0 ? (double) herald_performance_row_get_conversion_count (row) / delivered : 0;
    case HERALD_PERFORMANCE_SORT_ROI:
      *has_value = spent > 0;
      return spent > 0 ? (double) (herald_performance_row_get_revenue (row) - spent) / spent : 0;
    case HERALD_PERFORMANCE_SORT_NAME:
    default:
      g_assert_not_reached ();
    }
}

static void
test_sorting (Fixture       *f,
              gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  GListModel *rows = herald_performance_view_get_rows (view);
  const HeraldPerformanceSort sorts[] = {
    HERALD_PERFORMANCE_SORT_OPEN_RATE, HERALD_PERFORMANCE_SORT_CLICK_RATE,
    HERALD_PERFORMANCE_SORT_CLICK_TO_OPEN, HERALD_PERFORMANCE_SORT_CONVERSION_RATE,
    HERALD_PERFORMANCE_SORT_REVENUE, HERALD_PERFORMANCE_SORT_ROI, HERALD_PERFORMANCE_SORT_SENT,
  };

  herald_date_range_set_preset (herald_performance_view_get_date_range (view), HERALD_DATE_RANGE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 3);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending < 2; descending++)
      {
        gboolean seen_no_value = FALSE;
        double previous = descending ? G_MAXDOUBLE : -G_MAXDOUBLE;
        guint distinct = 0;

        herald_performance_view_set_sort (view, sorts[s], descending);
        for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
          {
            g_autoptr(HeraldPerformanceRow) row = g_list_model_get_item (rows, i);
            gboolean has_value;
            double key = row_key (row, sorts[s], &has_value);

            /* Rows without a value come last in either direction. */
            if (!has_value)
              {
                seen_no_value = TRUE;
                continue;
              }
            g_assert_false (seen_no_value);
            if (descending)
              g_assert_cmpfloat (key, <=, previous);
            else
              g_assert_cmpfloat (key, >=, previous);
            if (key != previous)
              distinct++;
            previous = key;
          }
        /* The demo data tells the campaigns apart on every key. */
        g_assert_cmpuint (distinct, >=, 2);
      }

  /* Names, ascending. */
  herald_performance_view_set_sort (view, HERALD_PERFORMANCE_SORT_NAME, FALSE);
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HeraldPerformanceRow) a = g_list_model_get_item (rows, i - 1);
      g_autoptr(HeraldPerformanceRow) b = g_list_model_get_item (rows, i);

      g_assert_cmpint (g_ascii_strcasecmp (herald_performance_row_get_name (a), herald_performance_row_get_name (b)), <=, 0);
    }
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  HeraldChart *chart = herald_performance_view_get_compare_chart (view);
  GtkSelectionModel *selection = herald_performance_view_get_selection (view);
  g_autoptr(HeraldPerformanceRow) first = NULL;
  g_autoptr(HeraldPerformanceRow) second = NULL;
  g_autofree char *description = NULL;

  /* Nothing selected: all campaigns as one series. */
  g_assert_cmpuint (herald_chart_get_n_layers (chart), ==, 1);
  description = herald_chart_dup_description (chart);
  g_assert_nonnull (strstr (description, _("All campaigns")));
  g_clear_pointer (&description, g_free);

  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  first = g_list_model_get_item (herald_performance_view_get_rows (view), 0);
  second = g_list_model_get_item (herald_performance_view_get_rows (view), 1);
  description = herald_chart_dup_description (chart);
  g_assert_nonnull (strstr (description, herald_performance_row_get_name (first)));
  g_assert_nonnull (strstr (description, herald_performance_row_get_name (second)));
  g_assert_null (strstr (description, _("All campaigns")));
}

static void
test_compare_export (Fixture       *f,
                     gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  GtkSelectionModel *selection = herald_performance_view_get_selection (view);
  g_autoptr(HeraldPerformanceRow) first = NULL;
  g_autoptr(HeraldPerformanceRow) second = NULL;
  g_autofree char *dir = g_dir_make_tmp ("herald-compare-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "c.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines = 0;
  xmlDoc *doc;

  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  first = g_list_model_get_item (herald_performance_view_get_rows (view), 0);
  second = g_list_model_get_item (herald_performance_view_get_rows (view), 1);

  g_assert_true (herald_performance_view_export (view, HERALD_PERFORMANCE_EXPORT_PNG, png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);

  g_assert_true (herald_performance_view_export (view, HERALD_PERFORMANCE_EXPORT_SVG, svg, &error));
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);

  /* CSV: a header with both campaigns, then one line per day of the
   * default period (30 days); CRLF line ends. */
  g_assert_true (herald_performance_view_export (view, HERALD_PERFORMANCE_EXPORT_CSV, csv, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  lines = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      n_lines++;
  g_assert_cmpuint (n_lines, ==, 31);
  g_assert_nonnull (strstr (lines[0], herald_performance_row_get_name (first)));
  g_assert_nonnull (strstr (lines[0], herald_performance_row_get_name (second)));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (csv);
  g_rmdir (dir);
}

/* Every rate of the comparison table says what it is out of, and the
 * numbers are the campaign's sums, made here in SQL. */
static void
test_table_denominators (Fixture       *f,
                         gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  GListModel *rows = herald_performance_view_get_rows (view);
  guint n, n_sms = 0;

  herald_date_range_set_preset (herald_performance_view_get_date_range (view), HERALD_DATE_RANGE_ALL);
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldPerformanceRow) row = g_list_model_get_item (rows, i);
      const char *id = herald_performance_row_get_campaign_id (row);
      const char *currency = herald_performance_row_get_currency (row);
      gint64 delivered = sql_int (f, "SELECT sum (delivered_count) FROM performance WHERE campaign_id = ?1", id, NULL);
      gint64 opens = sql_int (f, "SELECT sum (open_count) FROM performance WHERE campaign_id = ?1", id, NULL);
      gint64 clicks = sql_int (f, "SELECT sum (click_count) FROM performance WHERE campaign_id = ?1", id, NULL);
      gint64 conversions = sql_int (f, "SELECT sum (conversion_count) FROM performance WHERE campaign_id = ?1", id, NULL);
      gint64 revenue = sql_int (f, "SELECT sum (revenue) FROM performance WHERE campaign_id = ?1", id, NULL);
      gint64 spent = sql_int (f, "SELECT sum (spent) FROM performance WHERE campaign_id = ?1", id, NULL);
      g_autofree char *s_delivered = herald_format_count (delivered);
      g_autofree char *s_opens = herald_format_count (opens);
      g_autofree char *s_spent = herald_format_money (spent, currency);
      g_autofree char *of_delivered = g_strdup_printf (_("of %s delivered"), s_delivered);
      g_autofree char *of_opens = g_strdup_printf (_("of %s opens"), s_opens);
      g_autofree char *on_spent = g_strdup_printf (_("on %s"), s_spent);
      struct { guint column; char *value; const char *denominator; } expected[] = {
        { 1, herald_format_count (sql_int (f, "SELECT sum (sent_count) FROM performance WHERE campaign_id = ?1", id, NULL)), NULL },
        { 2, herald_format_rate (opens, delivered, 1), of_delivered },
        { 3, herald_format_rate (clicks, delivered, 1), of_delivered },
        { 4, herald_format_rate (clicks, opens, 1), of_opens },
        { 5, herald_format_rate (conversions, delivered, 1), of_delivered },
        { 6, herald_format_money (revenue, currency), NULL },
        { 7, spent > 0 ? herald_format_percent ((double) (revenue - spent) / spent, 1) : g_strdup (HERALD_NO_VALUE), on_spent },
      };

      /* An SMS cannot be opened: no open rate, no click-to-open rate. */
      if (herald_performance_row_get_campaign_type (row) == HERALD_CAMPAIGN_TYPE_SMS)
        {
          g_free (expected[1].value);
          expected[1].value = g_strdup (HERALD_NO_VALUE);
          expected[1].denominator = _("SMS has no opens");
          g_free (expected[3].value);
          expected[3].value = g_strdup (HERALD_NO_VALUE);
          expected[3].denominator = _("SMS has no opens");
          n_sms++;
        }
      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        {
          g_autofree char *denominator = NULL;
          g_autofree char *value = herald_performance_view_dup_cell_text (view, i, expected[e].column, &denominator);

          g_assert_cmpstr (value, ==, expected[e].value);
          g_assert_cmpstr (denominator, ==, expected[e].denominator);
          g_free (expected[e].value);
        }
      {
        g_autofree char *name = herald_performance_view_dup_cell_text (view, i, 0, NULL);

        g_assert_cmpstr (name, ==, herald_performance_row_get_name (row));
      }
    }
  g_assert_null (herald_performance_view_dup_cell_text (view, n, 2, NULL));
  g_assert_cmpuint (n_sms, >, 0);
}

static GtkDropDown *
find_drop_down_showing (GtkWidget  *widget,
                        const char *text)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));

      if (GTK_IS_STRING_OBJECT (item) && g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), text) == 0)
        return GTK_DROP_DOWN (widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_drop_down_showing (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The open rate of all campaigns together, day by day, leaves SMS out
 * (they cannot be opened). */
static void
test_compare_open_rate (Fixture       *f,
                        gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  HeraldChart *chart = herald_performance_view_get_compare_chart (view);
  GtkDropDown *metric = find_drop_down_showing (GTK_WIDGET (view), _("Opens"));
  g_autoptr(HeraldChartTable) table = NULL;
  guint checked = 0;

  g_assert_nonnull (metric);
  gtk_drop_down_set_selected (metric, 5);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (metric)), ==, _("Open Rate"));
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->n_columns, ==, 2);
  for (guint i = 0; i < table->raw_rows->len; i++)
    {
      char **row = g_ptr_array_index (table->raw_rows, i);
      gint64 delivered = sql_int (f, "SELECT coalesce (sum (p.delivered_count), 0) FROM performance AS p "
                                     "JOIN campaigns AS c ON c.id = p.campaign_id WHERE c.type != 'sms' AND p.date = ?1",
                                  row[0], NULL);
      gint64 opens = sql_int (f, "SELECT coalesce (sum (p.open_count), 0) FROM performance AS p "
                                 "JOIN campaigns AS c ON c.id = p.campaign_id WHERE c.type != 'sms' AND p.date = ?1",
                              row[0], NULL);

      if (delivered == 0)
        {
          g_assert_cmpstr (row[1], ==, "");
          continue;
        }
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[1], NULL), (double) opens / delivered, 1e-9);
      checked++;
    }
  g_assert_cmpuint (checked, >, 20);
}

static char *
expected_as_of (GDateTime *when)
{
  g_autofree char *text = herald_format_datetime (when);

  return g_strdup_printf (_("As of %s"), text);
}

/* "As of": the stored time of the last sync, else the newest change of
 * any performance day. */
static void
test_as_of (Fixture       *f,
            gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  HeraldDateRange *range = herald_performance_view_get_date_range (view);
  g_autofree char *newest_text = sql_text (f, "SELECT max (updated_at) FROM performance");
  g_autoptr(GDateTime) newest = g_date_time_new_from_iso8601 (newest_text, NULL);
  g_autoptr(GDateTime) synced = g_date_time_new_utc (2026, 11, 30, 7, 45, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (newest);
  g_assert_null (herald_store_get_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL));
  expected = expected_as_of (newest);
  g_assert_cmpstr (herald_performance_view_get_as_of_text (view), ==, expected);
  g_clear_pointer (&expected, g_free);

  g_assert_true (herald_store_set_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, "2026-11-30T07:45:00Z", &error));
  g_assert_no_error (error);
  herald_date_range_set_preset (range, HERALD_DATE_RANGE_LAST_90_DAYS);
  expected = expected_as_of (synced);
  g_assert_cmpstr (herald_performance_view_get_as_of_text (view), ==, expected);

  g_assert_true (herald_store_set_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL, &error));
  g_assert_no_error (error);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In the main window the view reads the store only once it is shown. */
static void
test_in_window (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *window;
  GtkWidget *view;
  AdwViewStack *stack;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  herald_test_wait_for_mapped (GTK_WIDGET (window));
  view = find_descendant (GTK_WIDGET (window), HERALD_TYPE_PERFORMANCE_VIEW);
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (view);
  g_assert_true (herald_performance_view_get_store (HERALD_PERFORMANCE_VIEW (view)) == f->store);

  adw_view_stack_set_visible_child_name (stack, "performance");
  herald_test_wait_for_mapped (view);
  herald_test_spin (100);
  g_assert_false (ADW_IS_STATUS_PAGE (adw_bin_get_child (ADW_BIN (view))));
  g_assert_cmpuint (g_list_model_get_n_items (herald_performance_view_get_rows (HERALD_PERFORMANCE_VIEW (view))), >, 0);
  gtk_window_destroy (window);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  HeraldPerformanceView *view = show_view (f);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (view));

  g_assert_true (ADW_IS_STATUS_PAGE (child));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child)), ==, _("Nothing to Measure Yet"));

  /* Data arriving (one batch: table-reset) switches to the dashboard. */
  g_assert_true (herald_demo_fill (f->store, NULL));
  herald_test_spin (400);
  g_assert_false (ADW_IS_STATUS_PAGE (adw_bin_get_child (ADW_BIN (view))));
}

static HeraldCampaign *
ab_campaign (Fixture *f)
{
  g_autofree char *id = sql_text (f, "SELECT campaign_id FROM variants LIMIT 1");
  HeraldCampaign *campaign = herald_store_get_campaign (f->store, id, NULL);

  g_assert_nonnull (campaign);
  return campaign;
}

static HeraldAbResults *
show_ab (Fixture        *f,
         HeraldCampaign *campaign)
{
  GtkWidget *widget = herald_ab_results_new (f->store);

  herald_ab_results_set_campaign (HERALD_AB_RESULTS (widget), campaign);
  gtk_widget_set_margin_top (widget, 24);
  gtk_widget_set_margin_bottom (widget, 24);
  gtk_widget_set_margin_start (widget, 24);
  gtk_widget_set_margin_end (widget, 24);
  gtk_window_set_child (f->window, widget);
  gtk_window_set_default_size (f->window, 900, 420);
  gtk_window_present (f->window);
  herald_test_wait_for_mapped (widget);
  return HERALD_AB_RESULTS (widget);
}

/* "+4.2 pp" / "−4.2 pp": differences of rates in percentage points. */
static char *
points (double difference)
{
  g_autofree char *number = herald_format_decimal (ABS (difference) * 100.0, 1);

  if (difference > 0)
    return g_strdup_printf (_("+%s pp"), number);
  if (difference < 0)
    return g_strdup_printf (_("−%s pp"), number);
  return g_strdup_printf (_("%s pp"), number);
}

/* The difference to the best (with its interval) and the p-value cell. */
static void
check_difference_and_p (HeraldAbResults     *ab,
                        const HeraldVerdict *expected,
                        guint                i)
{
  const HeraldVariantResult *r = &expected->variants[i];
  g_autofree char *difference = herald_ab_results_dup_cell (ab, i, 4);
  g_autofree char *p = herald_ab_results_dup_cell (ab, i, 5);

  if (r->is_best)
    {
      g_assert_cmpstr (difference, ==, C_("ab difference", "Best"));
      g_assert_cmpstr (p, ==, HERALD_NO_VALUE);
    }
  else
    {
      g_autofree char *d = points (r->difference);
      g_autofree char *lower = points (r->difference_lower);
      g_autofree char *upper = points (r->difference_upper);
      g_autofree char *d_expected = g_strdup_printf (_("%s (%s to %s)"), d, lower, upper);
      g_autofree char *p_expected = NULL;

      g_assert_cmpfloat (r->difference, <, 0);
      g_assert_cmpfloat (r->difference_lower, <=, r->difference);
      g_assert_cmpfloat (r->difference, <=, r->difference_upper);
      g_assert_cmpstr (difference, ==, d_expected);
      if (r->p_value < 0.001)
        {
          g_autofree char *limit = herald_format_decimal (0.001, 3);

          p_expected = g_strdup_printf ("< %s", limit);
        }
      else
        p_expected = herald_format_decimal (r->p_value, 3);
      g_assert_cmpstr (p, ==, p_expected);
    }
}

static GtkWidget *find_actionable (GtkWidget  *widget,
                                   const char *action);

static void
test_ab (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = ab_campaign (f);
  HeraldAbResults *ab = show_ab (f, campaign);
  g_autoptr(GPtrArray) variants = herald_store_list_variants (f->store, herald_record_get_id (HERALD_RECORD (campaign)), NULL);
  HeraldWinnerMetric metrics[] = { HERALD_WINNER_METRIC_OPEN_RATE, HERALD_WINNER_METRIC_CLICK_RATE, HERALD_WINNER_METRIC_CONVERSION_RATE };

  g_assert_cmpuint (variants->len, ==, 2);
  g_assert_true (herald_ab_results_get_has_variants (ab));
  g_assert_cmpint (herald_ab_results_get_metric (ab), ==, herald_campaign_get_ab_winner_metric (campaign));

  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      HeraldVariantCounts counts[2];
      g_autoptr(HeraldVerdict) expected = NULL;

      herald_ab_results_set_metric (ab, metrics[m]);
      for (guint i = 0; i < 2; i++)
        {
          HeraldVariant *v = g_ptr_array_index (variants, i);

          counts[i].name = herald_variant_get_variant_name (v);
          counts[i].trials = herald_variant_get_delivered_count (v);
          counts[i].successes = metrics[m] == HERALD_WINNER_METRIC_OPEN_RATE ? herald_variant_get_open_count (v)
                              : metrics[m] == HERALD_WINNER_METRIC_CLICK_RATE ? herald_variant_get_click_count (v)
                              : herald_variant_get_conversion_count (v);
        }
      expected = herald_stats_verdict (counts, 2, herald_campaign_get_ab_confidence_level (campaign));
      g_assert_cmpstr (herald_ab_results_get_verdict_text (ab), ==, expected->text);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *trials = herald_format_count (counts[i].trials);
          g_autofree char *rate = herald_format_rate (counts[i].successes, counts[i].trials, 1);
          g_autofree char *cell_trials = herald_ab_results_dup_cell (ab, i, 1);
          g_autofree char *cell_rate = herald_ab_results_dup_cell (ab, i, 2);
          g_autofree char *cell_interval = herald_ab_results_dup_cell (ab, i, 3);
          g_autofree char *lower = herald_format_percent (expected->variants[i].lower, 1);

          g_assert_cmpstr (cell_trials, ==, trials);
          g_assert_cmpstr (cell_rate, ==, rate);
          g_assert_true (g_str_has_prefix (cell_interval, lower));
          check_difference_and_p (ab, expected, i);
        }
    }

  /* The demo's B is the stored winner: marked so, A is not. */
  {
    g_autofree char *a = herald_ab_results_dup_cell (ab, 0, 0);
    g_autofree char *b = herald_ab_results_dup_cell (ab, 1, 0);
    g_autofree char *b_marked = g_strdup_printf (_("%s ★ Winner"), "B");

    g_assert_true (herald_variant_get_is_winner (g_ptr_array_index (variants, 1)));
    g_assert_cmpstr (a, ==, "A");
    g_assert_cmpstr (b, ==, b_marked);
  }
}

/* An A/B test far beyond doubt: p < 0.001 shows as "< 0.001", the
 * difference in percentage points with Newcombe's interval. */
static void
test_ab_significant (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = herald_campaign_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldVerdict) expected = NULL;
  HeraldVariantCounts counts[2] = { { "A", 2000, 300 }, { "B", 2000, 500 } };
  HeraldAbResults *ab;

  herald_campaign_set_name (campaign, "Betreffzeilen-Test");
  herald_campaign_set_ab_winner_metric (campaign, HERALD_WINNER_METRIC_OPEN_RATE);
  herald_campaign_set_ab_confidence_level (campaign, 0.95);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (campaign), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HeraldVariant) v = herald_variant_new ();

      herald_variant_set_campaign_id (v, herald_record_get_id (HERALD_RECORD (campaign)));
      herald_variant_set_variant_name (v, counts[i].name);
      herald_variant_set_sent_count (v, counts[i].trials);
      herald_variant_set_delivered_count (v, counts[i].trials);
      herald_variant_set_open_count (v, counts[i].successes);
      g_assert_true (herald_store_save_full (f->store, HERALD_RECORD (v), HERALD_STORE_ORIGIN_REMOTE, &error));
      g_assert_no_error (error);
    }
  ab = show_ab (f, campaign);
  expected = herald_stats_verdict (counts, 2, 0.95);
  g_assert_true (expected->significant);
  g_assert_cmpint (expected->best, ==, 1);
  g_assert_cmpfloat (expected->variants[0].p_value, <, 0.001);
  g_assert_cmpstr (herald_ab_results_get_verdict_text (ab), ==, expected->text);
  for (guint i = 0; i < 2; i++)
    check_difference_and_p (ab, expected, i);

  /* By hand: 15 % − 25 % is −10.0 percentage points. */
  {
    g_autofree char *ten = herald_format_decimal (10.0, 1);
    g_autofree char *prefix = g_strdup_printf (_("−%s pp"), ten);
    g_autofree char *difference = herald_ab_results_dup_cell (ab, 0, 4);
    g_autofree char *limit = herald_format_decimal (0.001, 3);
    g_autofree char *p_expected = g_strdup_printf ("< %s", limit);
    g_autofree char *p = herald_ab_results_dup_cell (ab, 0, 5);

    g_assert_true (g_str_has_prefix (difference, prefix));
    g_assert_cmpstr (p, ==, p_expected);
  }
  /* Nothing stored as the winner yet: no mark, the action is on. */
  {
    g_autofree char *b = herald_ab_results_dup_cell (ab, 1, 0);

    g_assert_cmpstr (b, ==, "B");
    g_assert_true (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (ab), "ab.send-winner")));
  }
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_ab_none (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = sql_text (f, "SELECT id FROM campaigns WHERE id NOT IN (SELECT campaign_id FROM variants) LIMIT 1");
  g_autoptr(HeraldCampaign) campaign = herald_store_get_campaign (f->store, id, NULL);
  HeraldAbResults *ab = show_ab (f, campaign);

  g_assert_false (herald_ab_results_get_has_variants (ab));
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (ab), "ab.send-winner")));
  g_assert_null (herald_ab_results_dup_cell (ab, 0, 0));
}

static void
test_send_winner (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = ab_campaign (f);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  g_autoptr(GPtrArray) variants = herald_store_list_variants (f->store, id, NULL);
  g_autoptr(GPtrArray) outbox = NULL;
  HeraldAbResults *ab;
  GtkWindow *dialog;
  gint64 before;
  const char *best_id = NULL;
  gboolean found = FALSE;

  /* The demo's test has a winner already; undo that as the server would. */
  for (guint i = 0; i < variants->len; i++)
    {
      herald_variant_set_is_winner (g_ptr_array_index (variants, i), FALSE);
      g_assert_true (herald_store_save_full (f->store, g_ptr_array_index (variants, i), HERALD_STORE_ORIGIN_REMOTE, NULL));
    }
  ab = show_ab (f, campaign);
  g_assert_true (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (ab), "ab.send-winner")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ab), "ab.send-winner", NULL));
  before = herald_store_count_outbox (f->store, NULL);

  /* Cancelling changes nothing. */
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  herald_dialogs_respond (dialog, FALSE);
  herald_test_spin (50);
  g_assert_cmpint (herald_store_count_outbox (f->store, NULL), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ab), "ab.send-winner", NULL));
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  herald_dialogs_respond (dialog, TRUE);
  herald_test_spin (50);

  best_id = herald_record_get_id (g_ptr_array_index (variants, herald_ab_results_get_verdict (ab)->best));
  g_assert_cmpint (sql_int (f, "SELECT is_winner FROM variants WHERE id = ?1", best_id, NULL), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM variants WHERE campaign_id = ?1 AND is_winner", id, NULL), ==, 1);
  outbox = herald_store_list_outbox (f->store, 100, NULL);
  for (guint i = 0; i < outbox->len; i++)
    {
      HeraldOutboxEntry *e = g_ptr_array_index (outbox, i);

      if (g_str_equal (e->entity, "variant") && g_str_equal (e->entity_id, best_id))
        {
          g_assert_cmpstr (e->op, ==, "update");
          g_assert_nonnull (strstr (e->patch, "\"is_winner\""));
          g_assert_nonnull (strstr (e->patch, "true"));
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* ... followed by the command for the CRM, naming the winner. */
  found = FALSE;
  for (guint i = 0; i < outbox->len; i++)
    {
      HeraldOutboxEntry *e = g_ptr_array_index (outbox, i);

      if (g_str_equal (e->op, "send_winner"))
        {
          g_assert_cmpstr (e->entity, ==, "campaign");
          g_assert_cmpstr (e->entity_id, ==, id);
          g_assert_nonnull (strstr (e->patch, best_id));
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* Once chosen, the action is off. */
  herald_test_spin (50);
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (ab), "ab.send-winner")));
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *schemes[] = { "light", "dark" };

  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *view_name = g_strdup_printf ("performance-view-%s", schemes[d]);
      g_autofree char *ab_name = g_strdup_printf ("ab-results-%s", schemes[d]);
      g_autoptr(HeraldCampaign) ab_c = ab_campaign (f);
      HeraldPerformanceView *view;
      g_autofree char *path = NULL;

      adw_style_manager_set_color_scheme (style, d ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (f->window, 1180, 1000);
      view = show_view (f);
      gtk_selection_model_select_item (herald_performance_view_get_selection (view), 0, TRUE);
      gtk_selection_model_select_item (herald_performance_view_get_selection (view), 2, FALSE);
      herald_test_spin (300);
      path = herald_test_screenshot (GTK_WIDGET (f->window), view_name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_clear_pointer (&path, g_free);
      /* The comparison chart is below the fold: scroll to the end. */
      {
        GtkWidget *scroller = adw_bin_get_child (ADW_BIN (view));
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
      herald_test_spin (200);
      g_free (view_name);
      view_name = g_strdup_printf ("performance-compare-%s", schemes[d]);
      path = herald_test_screenshot (GTK_WIDGET (f->window), view_name);
      g_clear_pointer (&path, g_free);

      show_ab (f, ab_c);
      herald_test_spin (300);
      path = herald_test_screenshot (GTK_WIDGET (f->window), ab_name);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  herald_test_gui_init (&argc, &argv);
  app = herald_test_app_new (TRUE);

  g_test_add ("/herald/performance/empty", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/herald/performance/in-window", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_in_window, fixture_tear_down);
  g_test_add ("/herald/performance/totals", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_totals, fixture_tear_down);
  g_test_add ("/herald/performance/sorting", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_sorting, fixture_tear_down);
  g_test_add ("/herald/performance/compare", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/herald/performance/compare-export", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_compare_export, fixture_tear_down);
  g_test_add ("/herald/performance/compare-open-rate", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_compare_open_rate, fixture_tear_down);
  g_test_add ("/herald/performance/table-denominators", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_table_denominators, fixture_tear_down);
  g_test_add ("/herald/performance/as-of", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_as_of, fixture_tear_down);
  g_test_add ("/herald/performance/ab", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_ab, fixture_tear_down);
  g_test_add ("/herald/performance/ab-none", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_ab_none, fixture_tear_down);
  g_test_add ("/herald/performance/ab-significant", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_ab_significant, fixture_tear_down);
  g_test_add ("/herald/performance/send-winner", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_send_winner, fixture_tear_down);
  g_test_add ("/herald/performance/screenshots", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshots, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
