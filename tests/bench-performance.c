/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-performance.c: how long the Performance view takes to open over
 * many campaigns; figures printed, not asserted.
 *
 *   build-<name>/tests/bench-performance [--campaigns=10000] [--days=30]
 *                                        [--dir=DIR] [--keep]
 *
 * Generates campaigns with daily performance rows (each campaign has
 * --days consecutive days within the last 90) in a fresh database, then
 * times the comparison query for every sort key, the totals, and opening
 * the view in a window (construction, store, first frame drawn), and
 * re-sorting and changing the period in the open view.  Run it under
 * Xvfb like the GUI tests. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "herald.h"
#include "herald-performance-view.h"

#define BATCH 20000

static int n_campaigns = 10000;
static int n_days = 30;
static char *dir_option;
static gboolean keep;

static const GOptionEntry entries[] = {
  { "campaigns", 0, 0, G_OPTION_ARG_INT, &n_campaigns, "Campaigns to generate", "N" },
  { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days of data per campaign", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, "Directory for the database", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the database", NULL },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
flush (HeraldStore *store,
       GPtrArray   *batch)
{
  g_autoptr(GError) error = NULL;

  if (!herald_store_save_many (store, batch, HERALD_STORE_ORIGIN_REMOTE, &error))
    g_error ("insert failed: %s", error->message);
  g_ptr_array_set_size (batch, 0);
}

static void
frame_cb (GdkFrameClock *clock,
          gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until the window has painted a frame. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id;

  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (window);
    }
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
print_query_times (HeraldStore *store,
                   const char  *from,
                   const char  *label)
{
  static const char *names[] = { "name", "sent", "open rate", "click rate", "CTOR", "conversion rate", "revenue", "ROI" };

  for (int sort = HERALD_PERFORMANCE_SORT_NAME; sort <= HERALD_PERFORMANCE_SORT_ROI; sort++)
    {
      double best = G_MAXDOUBLE;
      guint n = 0;

      for (int run = 0; run < 3; run++)
        {
          double t0 = now_ms ();
          g_autoptr(GPtrArray) rows = herald_performance_report_list_campaigns (store, from, NULL, sort, TRUE, NULL);

          best = MIN (best, now_ms () - t0);
          n = rows->len;
        }
      g_print ("comparison query, %-9s sorted by %-15s %6u rows %7.1f ms (best of 3)\n",
               label, names[sort], n, best);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the Performance view");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldStore) store = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) month = g_date_time_add_days (today, -29);
  g_autofree char *month_from = g_date_time_format (month, "%Y-%m-%d");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  HeraldPerformanceView *view;
  GtkWidget *window;
  double t0, t_construct, t_store, t_frame;
  gint64 rows = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  dir = dir_option ? g_strdup (dir_option) : g_dir_make_tmp ("herald-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  g_unlink (path);
  store = herald_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("database: %s\n", path);

  t0 = now_ms ();
  for (int i = 0; i < n_campaigns; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autofree char *name = g_strdup_printf ("Kampagne %05d", i);
      int first = g_rand_int_range (rand, 0, MAX (90 - n_days, 1));
      double open = g_rand_double_range (rand, 0.05, 0.45);
      double click = g_rand_double_range (rand, 0.05, 0.3);

      herald_campaign_set_name (c, name);
      herald_campaign_set_currency (c, "EUR");
      /* The campaign goes in the same transaction as its days, before them. */
      g_ptr_array_add (batch, c);
      for (int d = 0; d < n_days; d++)
        {
          HeraldPerformanceDay *p = herald_performance_day_new ();
          g_autoptr(GDateTime) day = g_date_time_add_days (today, -(first + d));
          g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
          gint64 sent = g_rand_int_range (rand, 0, 2000);
          gint64 delivered = sent * 97 / 100;
          gint64 opens = (gint64) (delivered * open);
          gint64 clicks = (gint64) (opens * click);

          herald_performance_day_set_campaign_id (p, herald_record_get_id (HERALD_RECORD (c)));
          herald_performance_day_set_date (p, date);
          herald_performance_day_set_sent_count (p, sent);
          herald_performance_day_set_delivered_count (p, delivered);
          herald_performance_day_set_open_count (p, opens);
          herald_performance_day_set_click_count (p, clicks);
          herald_performance_day_set_conversion_count (p, clicks / 8);
          herald_performance_day_set_revenue (p, clicks / 8 * 2599);
          herald_performance_day_set_spent (p, sent * 2);
          herald_performance_day_set_currency (p, "EUR");
          g_ptr_array_add (batch, p);
          rows++;
        }
      if (batch->len >= BATCH)
        flush (store, batch);
    }
  flush (store, batch);
  g_print ("generated %d campaigns and %" G_GINT64_FORMAT " performance days in %.0f ms\n",
           n_campaigns, rows, now_ms () - t0);

  print_query_times (store, NULL, "all time");
  print_query_times (store, month_from, "30 days");
  t0 = now_ms ();
  {
    g_autoptr(HeraldPerformanceDay) totals = herald_store_get_performance_totals (store, NULL, month_from, NULL, NULL);
    g_print ("totals, 30 days: %.1f ms\n", now_ms () - t0);
  }

  gtk_init ();
  adw_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 900);

  t0 = now_ms ();
  view = g_object_new (HERALD_TYPE_PERFORMANCE_VIEW, NULL);
  t_construct = now_ms () - t0;
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  t0 = now_ms ();
  herald_performance_view_set_store (view, store);
  t_store = now_ms () - t0;
  t0 = now_ms ();
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  t_frame = now_ms () - t0;
  g_print ("open the Performance view (30 days): construct %.1f ms + read and fill %.1f ms + first frame %.1f ms = %.1f ms, %u rows in the table\n",
           t_construct, t_store, t_frame, t_construct + t_store + t_frame,
           g_list_model_get_n_items (herald_performance_view_get_rows (view)));

  t0 = now_ms ();
  herald_performance_view_set_sort (view, HERALD_PERFORMANCE_SORT_ROI, TRUE);
  wait_for_frame (window);
  g_print ("re-sort by ROI and draw: %.1f ms\n", now_ms () - t0);

  t0 = now_ms ();
  herald_date_range_set_preset (herald_performance_view_get_date_range (view), HERALD_DATE_RANGE_ALL);
  wait_for_frame (window);
  g_print ("switch to all time and draw: %.1f ms\n", now_ms () - t0);

  t0 = now_ms ();
  gtk_selection_model_select_range (herald_performance_view_get_selection (view), 0, 6, TRUE);
  wait_for_frame (window);
  g_print ("select 6 campaigns, chart them and draw: %.1f ms\n", now_ms () - t0);

  gtk_window_destroy (GTK_WINDOW (window));
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&store);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      if (dir_option == NULL)
        g_rmdir (dir);
    }
  return 0;
}
