/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-performance-campaign.c: the campaign performance widget and its
 * exports on the demo data, with expected numbers
 * computed independently in SQL on a second connection. */

#include "config.h"

#include <adwaita.h>
#include <csv.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>

#include "herald-application.h"
#include "herald-campaign-performance.h"
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

/* The demo campaign with the most days of data. */
static HeraldCampaign *
busiest_campaign (Fixture *f)
{
  g_autofree char *id = sql_text (f, "SELECT campaign_id FROM performance GROUP BY campaign_id "
                                     "ORDER BY count (*) DESC, campaign_id LIMIT 1");
  HeraldCampaign *campaign = herald_store_get_campaign (f->store, id, NULL);

  g_assert_nonnull (campaign);
  return campaign;
}

static HeraldCampaignPerformance *
show_campaign (Fixture        *f,
               HeraldCampaign *campaign)
{
  GtkWidget *widget = herald_campaign_performance_new (f->store);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  herald_campaign_performance_set_campaign (HERALD_CAMPAIGN_PERFORMANCE (widget), campaign);
  gtk_widget_set_margin_top (widget, 24);
  gtk_widget_set_margin_bottom (widget, 24);
  gtk_widget_set_margin_start (widget, 24);
  gtk_widget_set_margin_end (widget, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
  gtk_window_set_child (f->window, scroller);
  gtk_window_present (f->window);
  herald_test_wait_for_mapped (widget);
  return HERALD_CAMPAIGN_PERFORMANCE (widget);
}

/* The funnel: the audience, then the sums over all days of the campaign,
 * and each step's rate out of the step before (the table's third column)
 * and out of the audience (the fourth). */
static void
check_whole_campaign_funnel (Fixture        *f,
                             HeraldChart    *funnel,
                             HeraldCampaign *campaign)
{
  const char *columns[] = { "sent_count", "delivered_count", "open_count", "click_count", "conversion_count" };
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  g_autoptr(HeraldChartTable) ft = herald_chart_dup_table (funnel);
  gint64 expected[6];

  g_assert_cmpuint (ft->rows->len, ==, 6);
  expected[0] = herald_campaign_get_target_count (campaign);
  for (guint i = 1; i < 6; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT sum (%s) FROM performance WHERE campaign_id = ?1", columns[i - 1]);

      expected[i] = sql_int (f, sql, id, NULL);
    }
  g_assert_cmpint (expected[1], >, 0);
  g_assert_cmpint (expected[1], <=, expected[0]);
  for (guint i = 0; i < 6; i++)
    {
      char **row = g_ptr_array_index (ft->rows, i);
      g_autofree char *count = herald_format_count (expected[i]);

      g_assert_cmpstr (row[1], ==, count);
      if (i > 0)
        {
          g_autofree char *step = herald_format_rate (expected[i], expected[i - 1], 1);
          g_autofree char *overall = herald_format_rate (expected[i], expected[0], 1);

          g_assert_cmpstr (row[2], ==, step);
          g_assert_cmpstr (row[3], ==, overall);
        }
    }
}

static void
test_campaign (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  HeraldChart *chart = herald_campaign_performance_get_chart (perf);
  HeraldChart *funnel = herald_campaign_performance_get_funnel (perf);
#define SUM_SQL "SELECT sum (%s) FROM performance WHERE campaign_id = ?1"
  g_autofree char *revenue = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeraldChartTable) table = NULL;
  gint64 r, s;

  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_ALL);
  check_whole_campaign_funnel (f, funnel, campaign);

  /* Revenue, spent, ROI. */
  r = sql_int (f, "SELECT sum (revenue) FROM performance WHERE campaign_id = ?1", id, NULL);
  s = sql_int (f, "SELECT sum (spent) FROM performance WHERE campaign_id = ?1", id, NULL);
  revenue = herald_format_money (r, herald_campaign_get_currency (campaign));
  text = herald_campaign_performance_dup_money_text (perf, 0);
  g_assert_cmpstr (text, ==, revenue);
  g_clear_pointer (&text, g_free);
  text = herald_campaign_performance_dup_money_text (perf, 2);
  if (s > 0)
    {
      g_autofree char *roi = herald_format_percent ((double) (r - s) / s, 1);
      g_assert_cmpstr (text, ==, roi);
    }
  else
    g_assert_cmpstr (text, ==, HERALD_NO_VALUE);

  /* Default series: opens, clicks, conversions, and machine opens apart
   * (this is mail with some); toggling adds sent. */
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->n_columns, ==, 5);
  g_assert_cmpstr (table->headers[1], ==, _("Opens"));
  g_assert_cmpstr (table->headers[4], ==, _("Machine Opens"));
  g_clear_pointer (&table, herald_chart_table_free);
  herald_campaign_performance_set_series_visible (perf, HERALD_PERFORMANCE_SERIES_SENT, TRUE);
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->n_columns, ==, 6);
  g_assert_cmpstr (table->headers[1], ==, _("Sent"));

  /* The sum of the daily sent column is the total. */
  {
    gint64 sum = 0;
    g_autofree char *sql = g_strdup_printf (SUM_SQL, "sent_count");

    for (guint i = 0; i < table->raw_rows->len; i++)
      sum += g_ascii_strtoll (((char **) g_ptr_array_index (table->raw_rows, i))[1], NULL, 10);
    g_assert_cmpint (sum, ==, sql_int (f, sql, id, NULL));
  }

  /* A shorter period has fewer days, and smaller money ... */
  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_LAST_7_DAYS);
  g_clear_pointer (&table, herald_chart_table_free);
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->rows->len, ==, 7);
  {
    g_autofree char *week_revenue = herald_campaign_performance_dup_money_text (perf, 0);

    g_assert_cmpstr (week_revenue, !=, revenue);
  }
  /* ... but the funnel stays the whole campaign's: its audience has no
   * date, so a week's sent out of it would be no rate at all. */
  check_whole_campaign_funnel (f, funnel, campaign);

  /* Every chart describes itself for screen readers. */
  g_clear_pointer (&text, g_free);
  text = herald_chart_dup_description (funnel);
  g_assert_nonnull (strstr (text, _("Delivered")));
}

/* Machine opens (Apple's proxy, scanners) are shown apart: a series of
 * their own, a note under the funnel, never in "Opened" or a rate. */
static void
test_machine_opens (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  gint64 machine = sql_int (f, "SELECT sum (machine_open_count) FROM performance WHERE campaign_id = ?1", id, NULL);
  gint64 opens = sql_int (f, "SELECT sum (open_count) FROM performance WHERE campaign_id = ?1", id, NULL);
  g_autofree char *machine_text = herald_format_count (machine);
  g_autofree char *note = g_strdup_printf (ngettext ("+ %s machine open (Apple Mail Privacy Protection, security scanners) not counted as opened",
                                                     "+ %s machine opens (Apple Mail Privacy Protection, security scanners) not counted as opened",
                                                     machine),
                                           machine_text);
  g_autoptr(HeraldChartTable) funnel = NULL;
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *opens_text = herald_format_count (opens);
  g_autofree char *from = NULL;
  guint column = 0;
  gint64 sum = 0;

  g_assert_cmpint (herald_campaign_get_campaign_type (campaign), ==, HERALD_CAMPAIGN_TYPE_EMAIL);
  g_assert_cmpint (machine, >, 0);
  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_LAST_30_DAYS);

  /* The note, with the whole campaign's count, as the funnel is. */
  g_assert_cmpstr (herald_campaign_performance_get_machine_open_note (perf), ==, note);
  /* "Opened" counts people only. */
  funnel = herald_chart_dup_table (herald_campaign_performance_get_funnel (perf));
  g_assert_cmpstr (((char **) g_ptr_array_index (funnel->rows, 3))[0], ==, _("Opened"));
  g_assert_cmpstr (((char **) g_ptr_array_index (funnel->rows, 3))[1], ==, opens_text);

  /* The series: the period's machine opens, day by day. */
  table = herald_chart_dup_table (herald_campaign_performance_get_chart (perf));
  for (guint c = 0; c < table->n_columns; c++)
    if (g_strcmp0 (table->headers[c], _("Machine Opens")) == 0)
      column = c;
  g_assert_cmpuint (column, >, 0);
  for (guint i = 0; i < table->raw_rows->len; i++)
    sum += g_ascii_strtoll (((char **) g_ptr_array_index (table->raw_rows, i))[column], NULL, 10);
  from = g_strdup (((char **) g_ptr_array_index (table->raw_rows, 0))[0]);
  g_assert_cmpint (sum, ==, sql_int (f, "SELECT coalesce (sum (machine_open_count), 0) FROM performance "
                                        "WHERE campaign_id = ?1 AND date >= ?2", id, from));
  g_assert_cmpint (sum, >, 0);

  /* Hidden, the series is gone; the note stays. */
  herald_campaign_performance_set_series_visible (perf, HERALD_PERFORMANCE_SERIES_MACHINE_OPENS, FALSE);
  g_clear_pointer (&table, herald_chart_table_free);
  table = herald_chart_dup_table (herald_campaign_performance_get_chart (perf));
  for (guint c = 0; c < table->n_columns; c++)
    g_assert_cmpstr (table->headers[c], !=, _("Machine Opens"));
  g_assert_nonnull (herald_campaign_performance_get_machine_open_note (perf));
}

/* Data without machine opens (a push campaign) shows no trace of them. */
static void
test_no_machine_opens (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = sql_text (f, "SELECT p.campaign_id FROM performance AS p JOIN campaigns AS c ON c.id = p.campaign_id "
                                     "WHERE c.type = 'push' AND p.open_count > 0 LIMIT 1");
  g_autoptr(HeraldCampaign) campaign = herald_store_get_campaign (f->store, id, NULL);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  g_autoptr(HeraldChartTable) table = NULL;

  g_assert_cmpint (sql_int (f, "SELECT sum (machine_open_count) FROM performance WHERE campaign_id = ?1", id, NULL), ==, 0);
  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_ALL);
  g_assert_null (herald_campaign_performance_get_machine_open_note (perf));
  table = herald_chart_dup_table (herald_campaign_performance_get_chart (perf));
  g_assert_cmpuint (table->n_columns, ==, 4);
  for (guint c = 0; c < table->n_columns; c++)
    g_assert_cmpstr (table->headers[c], !=, _("Machine Opens"));
}

static char *
expected_as_of (GDateTime *when)
{
  g_autofree char *text = herald_format_datetime (when);

  return g_strdup_printf (_("As of %s"), text);
}

/* "As of": the last sync when sync has stored one, else the newest change
 * of the numbers shown. */
static void
test_as_of (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  HeraldDateRange *range = herald_campaign_performance_get_date_range (perf);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) newest = NULL;
  g_autoptr(GDateTime) synced = g_date_time_new_utc (2026, 3, 5, 13, 2, 0);
  g_autofree char *newest_text = NULL;
  g_autofree char *expected = NULL;

  {
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (f->db, "SELECT max (updated_at) FROM performance WHERE campaign_id = ?1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    newest_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  newest = g_date_time_new_from_iso8601 (newest_text, NULL);
  g_assert_nonnull (newest);

  /* No sync yet (the demo data): the newest updated-at of the days. */
  g_assert_null (herald_store_get_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL));
  expected = expected_as_of (newest);
  g_assert_cmpstr (herald_campaign_performance_get_as_of_text (perf), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* What sync stores wins. */
  g_assert_true (herald_store_set_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, "2026-03-05T13:02:00Z", &error));
  g_assert_no_error (error);
  herald_date_range_set_preset (range, HERALD_DATE_RANGE_LAST_7_DAYS);
  expected = expected_as_of (synced);
  g_assert_cmpstr (herald_campaign_performance_get_as_of_text (perf), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* A value that is no time is ignored. */
  g_assert_true (herald_store_set_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, "yesterday", &error));
  herald_date_range_set_preset (range, HERALD_DATE_RANGE_LAST_30_DAYS);
  expected = expected_as_of (newest);
  g_assert_cmpstr (herald_campaign_performance_get_as_of_text (perf), ==, expected);

  g_assert_true (herald_store_set_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (herald_store_get_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL));

  /* A campaign without any data says so. */
  {
    g_autofree char *draft_id = sql_text (f, "SELECT id FROM campaigns WHERE id NOT IN (SELECT campaign_id FROM performance) LIMIT 1");
    g_autoptr(HeraldCampaign) draft = herald_store_get_campaign (f->store, draft_id, NULL);

    herald_campaign_performance_set_campaign (perf, draft);
    g_assert_cmpstr (herald_campaign_performance_get_as_of_text (perf), ==, _("No data yet"));
  }
}

typedef struct
{
  GPtrArray *row;
  GPtrArray *rows;
} CsvState;

static void
csv_field_cb (void   *data,
              size_t  len,
              void   *user_data)
{
  CsvState *state = user_data;

  g_ptr_array_add (state->row, g_strndup (data, len));
}

static void
csv_row_cb (int   c,
            void *user_data)
{
  CsvState *state = user_data;

  g_ptr_array_add (state->row, NULL);
  g_ptr_array_add (state->rows, g_ptr_array_free (state->row, FALSE));
  state->row = g_ptr_array_new ();
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  g_autofree char *dir = g_dir_make_tmp ("herald-performance-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *contents = NULL;
  struct csv_parser parser;
  CsvState state = { g_ptr_array_new (), g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  gsize length;
  xmlDoc *doc;

  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_LAST_30_DAYS);

  g_assert_true (herald_campaign_performance_export (perf, HERALD_PERFORMANCE_EXPORT_PNG, png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);

  g_assert_true (herald_campaign_performance_export (perf, HERALD_PERFORMANCE_EXPORT_SVG, svg, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);

  g_assert_true (herald_campaign_performance_export (perf, HERALD_PERFORMANCE_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_APPEND_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents, length, csv_field_cb, csv_row_cb, &state), ==, length);
  csv_fini (&parser, csv_field_cb, csv_row_cb, &state);
  csv_free (&parser);

  /* Header plus 30 days, the same numbers as the chart's table. */
  table = herald_chart_dup_table (herald_campaign_performance_get_chart (perf));
  g_assert_cmpuint (state.rows->len, ==, 31);
  g_assert_cmpuint (table->raw_rows->len, ==, 30);
  g_assert_cmpstr (((char **) g_ptr_array_index (state.rows, 0))[1], ==, _("Opens"));
  for (guint i = 0; i < 30; i++)
    {
      char **row = g_ptr_array_index (state.rows, i + 1);
      char **raw = g_ptr_array_index (table->raw_rows, i);

      for (guint c = 0; c < table->n_columns; c++)
        g_assert_cmpstr (row[c], ==, raw[c]);
    }

  g_ptr_array_unref (state.rows);
  g_ptr_array_free (state.row, TRUE);

  /* The funnel exports the same way: 1200 × 400, and one CSV row per
   * step under the header, as its table has them. */
  g_clear_object (&texture);
  g_assert_true (herald_campaign_performance_export_funnel (perf, HERALD_PERFORMANCE_EXPORT_PNG, png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);
  g_assert_true (herald_campaign_performance_export_funnel (perf, HERALD_PERFORMANCE_EXPORT_SVG, svg, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);
  g_assert_true (herald_campaign_performance_export_funnel (perf, HERALD_PERFORMANCE_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  state.row = g_ptr_array_new ();
  state.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_APPEND_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents, length, csv_field_cb, csv_row_cb, &state), ==, length);
  csv_fini (&parser, csv_field_cb, csv_row_cb, &state);
  csv_free (&parser);
  g_clear_pointer (&table, herald_chart_table_free);
  table = herald_chart_dup_table (herald_campaign_performance_get_funnel (perf));
  g_assert_cmpuint (table->raw_rows->len, ==, 6);
  g_assert_cmpuint (state.rows->len, ==, 7);
  g_assert_cmpstr (((char **) g_ptr_array_index (state.rows, 1))[0], ==, _("Audience"));
  for (guint i = 0; i < 6; i++)
    for (guint c = 0; c < table->n_columns; c++)
      g_assert_cmpstr (((char **) g_ptr_array_index (state.rows, i + 1))[c], ==,
                       ((char **) g_ptr_array_index (table->raw_rows, i))[c]);
  g_ptr_array_unref (state.rows);
  g_ptr_array_free (state.row, TRUE);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (csv);
  g_rmdir (dir);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *schemes[] = { "light", "dark" };
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);

  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *name = g_strdup_printf ("campaign-performance-%s", schemes[d]);
      g_autofree char *path = NULL;
      GtkWidget *widget;

      adw_style_manager_set_color_scheme (style, d ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      widget = GTK_WIDGET (show_campaign (f, campaign));
      herald_test_spin (300);
      path = herald_test_screenshot (GTK_WIDGET (f->window), name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_clear_pointer (&path, g_free);

      /* And scrolled to the end, where the money is. */
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (gtk_widget_get_parent (widget))));

        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
      herald_test_spin (200);
      g_free (name);
      name = g_strdup_printf ("campaign-performance-end-%s", schemes[d]);
      path = herald_test_screenshot (GTK_WIDGET (f->window), name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
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

  g_test_add ("/herald/performance/campaign", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_campaign, fixture_tear_down);
  g_test_add ("/herald/performance/export", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/herald/performance/machine-opens", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_machine_opens, fixture_tear_down);
  g_test_add ("/herald/performance/no-machine-opens", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_no_machine_opens, fixture_tear_down);
  g_test_add ("/herald/performance/as-of", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_as_of, fixture_tear_down);
  g_test_add ("/herald/performance/campaign-screenshots", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshots, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
