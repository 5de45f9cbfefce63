/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-slow.c: a list model over 1,000,000 recipients opens from
 * the per-status counts (no COUNT), which equal COUNT(*) after 20 batches,
 * and reads only the pages asked for. */

#include "config.h"

#include <sqlite3.h>
#include <sys/resource.h>

#include "herald.h"
#include "herald-test-store.h"

#define N_RECIPIENTS 1000000

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_million_recipients (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  HeraldStore *store;
  HeraldRecipientList *list;
  gint64 t0;
  glong rss_before;

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  herald_campaign_set_name (c, "Eine Million");
  g_assert_true (herald_store_save (store, HERALD_RECORD (c), &error));

  for (guint i = 0; i < N_RECIPIENTS; i++)
    {
      HeraldRecipient *r = herald_recipient_new ();
      char address[64];

      g_snprintf (address, sizeof address, "r%07u@example.org", i);
      herald_recipient_set_campaign_id (r, herald_record_get_id (HERALD_RECORD (c)));
      herald_recipient_set_address (r, address);
      g_ptr_array_add (batch, r);
      if (batch->len == 50000 || i == N_RECIPIENTS - 1)
        {
          g_assert_true (herald_store_save_many (store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
          g_assert_no_error (error);
          g_ptr_array_set_size (batch, 0);
        }
    }

  rss_before = peak_rss_kb ();
  t0 = g_get_monotonic_time ();
  list = herald_recipient_list_new (store, herald_record_get_id (HERALD_RECORD (c)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECIPIENTS);
  g_test_message ("opened a list of %u recipients in %.1f ms",
                  g_list_model_get_n_items (G_LIST_MODEL (list)),
                  (g_get_monotonic_time () - t0) / 1000.0);
  {
    sqlite3 *db = herald_store_get_read_handle (store);
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM recipients WHERE campaign_id = ?1", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, herald_record_get_id (HERALD_RECORD (c)), -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, N_RECIPIENTS);
    sqlite3_finalize (stmt);
    /* every one is pending */
    herald_recipient_list_set_status (list, HERALD_RECIPIENT_STATUS_SENT);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    herald_recipient_list_set_status (list, HERALD_RECIPIENT_STATUS_PENDING);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECIPIENTS);
    herald_recipient_list_set_status (list, -1);
  }

  {
    const guint positions[] = { 0, 1, N_RECIPIENTS / 2, N_RECIPIENTS / 2 + 200, N_RECIPIENTS - 1, 12345 };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        g_autoptr(HeraldRecipient) r = NULL;
        g_autofree char *expected = g_strdup_printf ("r%07u@example.org", positions[i]);

        t0 = g_get_monotonic_time ();
        r = g_list_model_get_item (G_LIST_MODEL (list), positions[i]);
        g_test_message ("item %u in %.2f ms", positions[i], (g_get_monotonic_time () - t0) / 1000.0);
        g_assert_cmpstr (herald_recipient_get_address (r), ==, expected);
      }
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_RECIPIENTS));
  /* rows were not all read into memory: a million objects would take
   * hundreds of MB */
  g_test_message ("peak RSS grew by %ld kB while browsing", peak_rss_kb () - rss_before);
  g_assert_cmpint (peak_rss_kb () - rss_before, <, 100 * 1024);

  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
  herald_test_store_dir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/store-slow/million-recipients", test_million_recipients);

  return g_test_run ();
}
