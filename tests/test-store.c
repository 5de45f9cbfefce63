/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: HeraldStore on real SQLite files: round trips, outbox,
 * lifecycle, queries, search, aggregates, migrations and safety. */

#include "config.h"

#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "herald.h"
#include "herald-store-private.h"
#include "herald-test-store.h"

typedef struct
{
  char        *dir;
  char        *path;
  HeraldStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = herald_test_store_dir_new ();
  f->path = g_build_filename (f->dir, "herald.db", NULL);
  f->store = herald_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  herald_test_store_dir_remove (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static HeraldCampaign *
make_campaign (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  HeraldCampaign *c = herald_campaign_new ();

  herald_campaign_set_name (c, name);
  herald_store_save (f->store, HERALD_RECORD (c), &error);
  g_assert_no_error (error);
  return c;
}

static gint64
outbox_count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = herald_store_count_outbox (f->store, &error);

  g_assert_no_error (error);
  return n;
}

/* Whether the performance row's roi column is NULL (1), set (0) or the row
 * missing (-1). */
static int
roi_is_null (HeraldStore *store,
             const char  *day_id)
{
  sqlite3 *db = herald_store_get_read_handle (store);
  sqlite3_stmt *stmt;
  int result = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT roi IS NULL FROM performance WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, day_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpint (herald_store_get_schema_version (f->store), ==,
                   herald_store_get_latest_schema_version ());
  g_assert_cmpstr (herald_store_get_path (f->store), ==, f->path);
  g_assert_true (herald_store_is_empty (f->store));
}

static void
round_trip (Fixture      *f,
            HeraldRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldRecord) loaded = NULL;
  g_autofree char *warning = NULL;

  herald_test_assert_not_defaults (record);
  g_assert_true (herald_record_validate (record, &warning, &error));
  g_assert_no_error (error);

  herald_store_save_full (f->store, record, HERALD_STORE_ORIGIN_REMOTE, &error);
  g_assert_no_error (error);
  loaded = herald_store_load (f->store, G_OBJECT_TYPE (record), herald_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_true (herald_record_equal (record, loaded));
  g_assert_cmpint (herald_record_get_sync_state (loaded), ==, HERALD_SYNC_STATE_SYNCED);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeraldRecord) segment = herald_test_record_filled (HERALD_TYPE_SEGMENT, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(HeraldRecord) contact = herald_test_record_filled (HERALD_TYPE_CONTACT, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(HeraldRecord) tmpl = herald_test_record_filled (HERALD_TYPE_TEMPLATE, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(HeraldRecord) campaign = NULL;
  g_autoptr(HeraldRecord) recipient = NULL;
  g_autoptr(HeraldRecord) event = NULL;
  g_autoptr(HeraldRecord) variant = NULL;
  g_autoptr(HeraldRecord) day = NULL;

  round_trip (f, segment);
  round_trip (f, contact);
  round_trip (f, tmpl);
  campaign = herald_test_record_filled (HERALD_TYPE_CAMPAIGN, NULL, herald_record_get_id (segment),
                                        herald_record_get_id (tmpl), NULL, NULL);
  round_trip (f, campaign);
  recipient = herald_test_record_filled (HERALD_TYPE_RECIPIENT, herald_record_get_id (campaign), NULL, NULL,
                                         herald_record_get_id (contact), NULL);
  round_trip (f, recipient);
  event = herald_test_record_filled (HERALD_TYPE_EVENT, herald_record_get_id (campaign), NULL, NULL, NULL,
                                     herald_record_get_id (recipient));
  round_trip (f, event);
  variant = herald_test_record_filled (HERALD_TYPE_VARIANT, herald_record_get_id (campaign), NULL, NULL, NULL, NULL);
  round_trip (f, variant);
  day = herald_test_record_filled (HERALD_TYPE_PERFORMANCE_DAY, herald_record_get_id (campaign), NULL, NULL, NULL, NULL);
  round_trip (f, day);
  g_assert_false (herald_store_is_empty (f->store));
  /* remote data does not go to the outbox */
  g_assert_cmpint (outbox_count (f), ==, 0);
}

static void
test_local_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldCampaign) loaded = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  HeraldOutboxEntry *e;

  herald_campaign_set_name (c, "Frühjahrsaktion");
  herald_campaign_set_budget (c, 150000);
  g_assert_null (herald_record_get_updated_at (HERALD_RECORD (c)));
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  g_assert_nonnull (herald_record_get_updated_at (HERALD_RECORD (c)));
  g_assert_cmpint (herald_record_get_version (HERALD_RECORD (c)), ==, 1);
  g_assert_cmpint (herald_record_get_sync_state (HERALD_RECORD (c)), ==, HERALD_SYNC_STATE_CREATED);

  /* a second edit folds into the pending create */
  herald_campaign_set_name (c, "Frühjahrsaktion 2026");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_cmpint (herald_record_get_version (HERALD_RECORD (c)), ==, 2);
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 1);
  e = g_ptr_array_index (outbox, 0);
  g_assert_cmpstr (e->op, ==, "create");
  g_assert_cmpstr (e->entity, ==, "campaign");
  g_assert_cmpstr (e->entity_id, ==, herald_record_get_id (HERALD_RECORD (c)));
  g_assert_nonnull (strstr (e->patch, "\"name\":\"Frühjahrsaktion 2026\""));
  g_assert_true (herald_uuid_is_valid (e->idempotency_key));
  g_assert_cmpstr (e->state, ==, "pending");

  /* saving unchanged writes nothing */
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_cmpint (herald_record_get_version (HERALD_RECORD (c)), ==, 2);

  loaded = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (c)), &error);
  g_assert_no_error (error);
  g_assert_true (herald_record_equal (HERALD_RECORD (c), HERALD_RECORD (loaded)));

  /* the server accepted it: an edit is now an update with only the field */
  g_assert_true (herald_store_remove_outbox_entry (f->store, e->seq, &error));
  herald_record_set_sync_state (HERALD_RECORD (c), HERALD_SYNC_STATE_SYNCED);
  herald_record_set_server_version (HERALD_RECORD (c), "v1");
  g_assert_true (herald_store_save_full (f->store, HERALD_RECORD (c), HERALD_STORE_ORIGIN_REMOTE, &error));
  herald_campaign_set_budget (c, 200000);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  g_assert_cmpint (herald_record_get_sync_state (HERALD_RECORD (c)), ==, HERALD_SYNC_STATE_MODIFIED);
  g_clear_pointer (&outbox, g_ptr_array_unref);
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_cmpuint (outbox->len, ==, 1);
  e = g_ptr_array_index (outbox, 0);
  g_assert_cmpstr (e->op, ==, "update");
  g_assert_cmpstr (e->patch, ==, "{\"budget\":200000}");
  g_assert_cmpstr (e->base_version, ==, "v1");

  /* delete of a synced record is an outbox op */
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  g_clear_pointer (&outbox, g_ptr_array_unref);
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_cmpuint (outbox->len, ==, 2);
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 1))->op, ==, "delete");
  g_clear_object (&loaded);
  loaded = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (c)), &error);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_delete_unsynced (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = make_campaign (f, "Entwurf");

  g_assert_cmpint (outbox_count (f), ==, 1);
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  /* the server never saw it: nothing to push */
  g_assert_cmpint (outbox_count (f), ==, 0);
}

static void
test_outbox_atomic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = make_campaign (f, "Atomar");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldRecipient) orphan = herald_recipient_new ();
  g_autofree char *missing = herald_uuid_new ();
  gint64 before = outbox_count (f);

  /* a change that fails leaves no outbox row */
  herald_recipient_set_campaign_id (orphan, missing);
  g_assert_false (herald_store_save (f->store, HERALD_RECORD (orphan), &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (f), ==, before);

  /* one bad record in a batch: none of the batch, none of its outbox rows */
  for (int i = 0; i < 10; i++)
    {
      HeraldRecipient *r = herald_recipient_new ();
      g_autofree char *addr = g_strdup_printf ("r%d@example.org", i);

      herald_recipient_set_campaign_id (r, i == 7 ? missing : herald_record_get_id (HERALD_RECORD (c)));
      herald_recipient_set_address (r, addr);
      g_ptr_array_add (batch, r);
    }
  g_assert_false (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_LOCAL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (f), ==, before);
  g_assert_cmpint (herald_store_count_recipients (f->store, herald_record_get_id (HERALD_RECORD (c)), -1, NULL, &error), ==, 0);

  /* the same batch fixed: all ten and ten outbox rows */
  herald_recipient_set_campaign_id (g_ptr_array_index (batch, 7), herald_record_get_id (HERALD_RECORD (c)));
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox_count (f), ==, before + 10);
  g_assert_cmpint (herald_store_count_recipients (f->store, herald_record_get_id (HERALD_RECORD (c)), -1, NULL, &error), ==, 10);
}

static void
test_validation_on_save (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldTemplate) sms = herald_template_new ();

  /* empty name */
  g_assert_false (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (f), ==, 0);

  /* an email campaign cannot use an SMS template */
  herald_template_set_name (sms, "Kurznachricht");
  herald_template_set_template_type (sms, HERALD_TEMPLATE_TYPE_SMS);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (sms), &error));
  herald_campaign_set_name (c, "Newsletter");
  herald_campaign_set_template_id (c, herald_record_get_id (HERALD_RECORD (sms)));
  g_assert_false (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INCOMPATIBLE);
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = make_campaign (f, "Sommer");
  g_autoptr(HeraldCampaign) loaded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autoptr(GPtrArray) outbox = NULL;

  /* setting the status directly is checked like a transition */
  herald_campaign_set_status (c, HERALD_CAMPAIGN_STATUS_SCHEDULED);
  g_assert_false (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  herald_campaign_set_status (c, HERALD_CAMPAIGN_STATUS_COMPLETED);
  g_assert_false (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_TRANSITION);
  g_clear_error (&error);
  herald_campaign_set_status (c, HERALD_CAMPAIGN_STATUS_DRAFT);

  herald_campaign_set_scheduled_at (c, later);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_true (herald_store_transition_campaign (f->store, c, HERALD_CAMPAIGN_STATUS_SCHEDULED, &error));
  g_assert_no_error (error);
  g_assert_true (herald_store_transition_campaign (f->store, c, HERALD_CAMPAIGN_STATUS_RUNNING, &error));
  g_assert_nonnull (herald_campaign_get_started_at (c));

  /* content is frozen while running; the name is not */
  herald_campaign_set_preheader (c, "Neu!");
  g_assert_false (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_FROZEN);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, "“Preheader” can no longer be changed: the campaign is “Running”.");
  g_clear_error (&error);
  herald_campaign_set_preheader (c, "");
  herald_campaign_set_name (c, "Sommer (läuft)");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);

  /* a refused transition changes nothing */
  g_assert_false (herald_store_transition_campaign (f->store, c, HERALD_CAMPAIGN_STATUS_DRAFT, &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (herald_campaign_get_status (c), ==, HERALD_CAMPAIGN_STATUS_RUNNING);

  g_assert_true (herald_store_transition_campaign (f->store, c, HERALD_CAMPAIGN_STATUS_COMPLETED, &error));
  loaded = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (c)), &error);
  g_assert_cmpint (herald_campaign_get_status (loaded), ==, HERALD_CAMPAIGN_STATUS_COMPLETED);
  g_assert_nonnull (herald_campaign_get_completed_at (loaded));

  outbox = herald_store_list_outbox (f->store, 10, &error);
  /* commands are replayed in order between the edits */
  g_assert_cmpuint (outbox->len, ==, 5);
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 0))->op, ==, "create");
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 1))->op, ==, "schedule");
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 2))->op, ==, "start");
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 3))->op, ==, "update");
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 3))->patch, ==, "{\"name\":\"Sommer (läuft)\"}");
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 4))->op, ==, "complete");
}

static void
test_queries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(GPtrArray) page1 = NULL;
  g_autoptr(GPtrArray) page2 = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  const char *names[] = { "Ostern", "Black Friday", "Weihnachten", "Newsletter März", "Sommerschlussverkauf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HeraldCampaign *c = herald_campaign_new ();

      herald_campaign_set_name (c, names[i]);
      herald_campaign_set_campaign_type (c, i % 2 ? HERALD_CAMPAIGN_TYPE_SMS : HERALD_CAMPAIGN_TYPE_EMAIL);
      herald_campaign_set_sent_count (c, 100 * (i + 1));
      herald_campaign_set_delivered_count (c, 100 * (i + 1));
      herald_campaign_set_open_count (c, 10 * (5 - i));
      g_ptr_array_add (all, c);
    }
  g_assert_true (herald_store_save_many (f->store, all, HERALD_STORE_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_NAME, FALSE);
  page1 = herald_store_list_campaigns (f->store, q, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page1->len, ==, 2);
  g_assert_cmpstr (herald_campaign_get_name (g_ptr_array_index (page1, 0)), ==, "Black Friday");
  g_assert_cmpstr (herald_campaign_get_name (g_ptr_array_index (page1, 1)), ==, "Newsletter März");
  page2 = herald_store_list_campaigns (f->store, q, g_ptr_array_index (page1, 1), 10, &error);
  g_assert_cmpuint (page2->len, ==, 3);
  g_assert_cmpstr (herald_campaign_get_name (g_ptr_array_index (page2, 0)), ==, "Ostern");

  /* open rate, highest first: Ostern 50/100 */
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_OPEN_RATE, TRUE);
  g_clear_pointer (&page1, g_ptr_array_unref);
  page1 = herald_store_list_campaigns (f->store, q, NULL, 1, &error);
  g_assert_cmpstr (herald_campaign_get_name (g_ptr_array_index (page1, 0)), ==, "Ostern");

  herald_campaign_query_set_campaign_type (q, HERALD_CAMPAIGN_TYPE_SMS);
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 2);
  herald_campaign_query_set_campaign_type (q, -1);
  herald_campaign_query_set_search (q, "weihn");
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 1);
  herald_campaign_query_set_search (q, "marz");   /* diacritics folded */
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 1);
  g_assert_no_error (error);

  hits = herald_store_search_campaigns (f->store, "black fri", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (herald_campaign_get_name (g_ptr_array_index (hits, 0)), ==, "Black Friday");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = herald_store_search_campaigns (f->store, "\"*(", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* herald_campaign_query_set_updated_since(): campaigns whose updated_at is
 * at or after the time, in the count, the pages, with other filters and
 * with a search, and in a list model; a time in another zone means the
 * same instant. */
static void
test_updated_since (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GTimeZone) cest = g_time_zone_new_offset (2 * 3600);
  g_autoptr(HeraldCampaignList) list = NULL;
  HeraldCampaign *edited;

  /* one campaign a day, 1 to 6 March 2026, at noon UTC */
  for (guint day = 1; day <= 6; day++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, (int) day, 12, 0, 0);
      g_autofree char *name = g_strdup_printf ("Tag %u%s", day, day % 2 ? " Aktion" : "");

      herald_campaign_set_name (c, name);
      herald_campaign_set_campaign_type (c, day <= 3 ? HERALD_CAMPAIGN_TYPE_EMAIL : HERALD_CAMPAIGN_TYPE_SMS);
      herald_record_set_updated_at (HERALD_RECORD (c), at);
      g_ptr_array_add (all, c);
    }
  g_assert_true (herald_store_save_many (f->store, all, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 6);
  /* 3 March 14:00 at +02:00 is noon UTC: day 3 itself is included */
  since = g_date_time_new (cest, 2026, 3, 3, 14, 0, 0);
  herald_campaign_query_set_updated_since (q, since);
  g_assert_true (g_date_time_equal (herald_campaign_query_get_updated_since (q), since));
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 4);
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_UPDATED_AT, FALSE);
  page = herald_store_list_campaigns (f->store, q, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (herald_record_get_id (g_ptr_array_index (page, i)), ==,
                     herald_record_get_id (g_ptr_array_index (all, i + 2)));
  g_clear_pointer (&page, g_ptr_array_unref);

  /* a millisecond later, day 3 drops out */
  g_clear_pointer (&since, g_date_time_unref);
  since = g_date_time_new_utc (2026, 3, 3, 12, 0, 0.001);
  herald_campaign_query_set_updated_since (q, since);
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 3);

  /* with the other filters: SMS (days 4-6), and "Aktion" (odd days) */
  herald_campaign_query_set_campaign_type (q, HERALD_CAMPAIGN_TYPE_SMS);
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 3);
  herald_campaign_query_set_campaign_type (q, -1);
  herald_campaign_query_set_search (q, "aktion");
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 1);
  page = herald_store_list_campaigns (f->store, q, NULL, 10, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (herald_campaign_get_name (g_ptr_array_index (page, 0)), ==, "Tag 5 Aktion");
  g_clear_pointer (&page, g_ptr_array_unref);
  herald_campaign_query_set_search (q, NULL);

  /* in a list model, and a local edit of an old campaign brings it in */
  list = herald_campaign_list_new (f->store, q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  edited = g_ptr_array_index (all, 0);
  herald_campaign_set_description (edited, "Heute bearbeitet");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (edited), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 4);
  {
    g_autoptr(HeraldCampaign) last = g_list_model_get_item (G_LIST_MODEL (list), 3);

    g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (last)), ==, herald_record_get_id (HERALD_RECORD (edited)));
  }

  /* NULL: no filter */
  herald_campaign_query_set_updated_since (q, NULL);
  g_assert_null (herald_campaign_query_get_updated_since (q));
  g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), ==, 6);
  g_assert_no_error (error);
}

/* Sorting ------------------------------------------------------------- */

#define N_SORTS (HERALD_CAMPAIGN_SORT_SPENT + 1)

static GDateTime *
maybe_time (guint32 choice)
{
  /* a third without a time, the rest within a few days (with ties) */
  if (choice % 3 == 0)
    return NULL;
  return g_date_time_new_utc (2026, 4, 1 + (int) (choice % 5), (int) (choice % 7), 0, 0);
}

/* Campaigns with every kind of value a sort meets: ties, case variants,
 * SMS, nothing delivered, no schedule. */
static GPtrArray *
add_sortable_campaigns (Fixture *f,
                        guint    n)
{
  static const char * const names[] = { "Alpha", "alpha", "Beta", "Ärger", "zeta", "Gamma", "beta" };
  g_autoptr(GError) error = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (20260401);

  for (guint i = 0; i < n; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 1 + (int) g_rand_int_range (rand, 0, 20), 8, 0, 0);
      g_autoptr(GDateTime) updated = g_date_time_new_utc (2026, 3, 21 + (int) g_rand_int_range (rand, 0, 5), 9, 0, 0);
      g_autoptr(GDateTime) scheduled = maybe_time (g_rand_int (rand));
      g_autoptr(GDateTime) started = maybe_time (g_rand_int (rand));
      gint64 delivered = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 50);

      herald_campaign_set_name (c, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
      herald_campaign_set_campaign_type (c, g_rand_int_range (rand, 0, 4));
      herald_campaign_set_status (c, g_rand_int_range (rand, 0, 6));
      herald_campaign_set_scheduled_at (c, scheduled);
      herald_campaign_set_started_at (c, started);
      herald_campaign_set_target_count (c, g_rand_int_range (rand, 0, 5) * 100);
      herald_campaign_set_sent_count (c, delivered + g_rand_int_range (rand, 0, 3));
      herald_campaign_set_delivered_count (c, delivered);
      herald_campaign_set_open_count (c, delivered > 0 ? g_rand_int_range (rand, 0, (gint32) delivered + 1) : 0);
      herald_campaign_set_click_count (c, delivered > 0 ? g_rand_int_range (rand, 0, (gint32) delivered + 1) : 0);
      herald_campaign_set_budget (c, g_rand_int_range (rand, 0, 4) * 5000);
      herald_campaign_set_spent (c, g_rand_int_range (rand, 0, 4) * 1000);
      herald_record_set_created_at (HERALD_RECORD (c), created);
      herald_record_set_updated_at (HERALD_RECORD (c), updated);
      g_ptr_array_add (all, c);
    }
  g_rand_free (rand);
  /* as server data, so that the times above are kept; inserted in order */
  g_assert_true (herald_store_save_many (f->store, all, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  return all;
}

typedef struct
{
  gboolean    none;  /* shown as "—": sorts last either way */
  double      number;
  char       *text;  /* NULL for a number */
  gboolean    fold;  /* ASCII case-insensitive */
  guint       index; /* insertion order, the tie-breaker */
} SortKey;

/* What the list shows, computed here without the store's SQL. */
static SortKey
sort_key_of (HeraldCampaign     *c,
             HeraldCampaignSort  sort,
             guint               index)
{
  SortKey k = { FALSE, 0, NULL, FALSE, index };
  GDateTime *when;
  gint64 delivered = herald_campaign_get_delivered_count (c);

  switch (sort)
    {
    case HERALD_CAMPAIGN_SORT_UPDATED_AT:
      k.text = herald_datetime_to_iso8601 (herald_record_get_updated_at (HERALD_RECORD (c)));
      break;
    case HERALD_CAMPAIGN_SORT_CREATED_AT:
      k.text = herald_datetime_to_iso8601 (herald_record_get_created_at (HERALD_RECORD (c)));
      break;
    case HERALD_CAMPAIGN_SORT_NAME:
      k.text = g_strdup (herald_campaign_get_name (c));
      k.fold = TRUE;
      break;
    case HERALD_CAMPAIGN_SORT_TYPE:
      {
        static const int order[] = { [HERALD_CAMPAIGN_TYPE_EMAIL] = 0, [HERALD_CAMPAIGN_TYPE_SMS] = 1,
                                     [HERALD_CAMPAIGN_TYPE_PUSH] = 2, [HERALD_CAMPAIGN_TYPE_SOCIAL] = 3 };
        k.number = order[herald_campaign_get_campaign_type (c)];
      }
      break;
    case HERALD_CAMPAIGN_SORT_STATUS:
      k.number = herald_campaign_get_status (c);   /* the lifecycle's order */
      break;
    case HERALD_CAMPAIGN_SORT_SCHEDULED_AT:
      /* the Schedule column */
      when = herald_campaign_get_started_at (c);
      if (when == NULL)
        when = herald_campaign_get_scheduled_at (c);
      k.none = when == NULL;
      k.text = herald_datetime_to_iso8601 (when);
      break;
    case HERALD_CAMPAIGN_SORT_STARTED_AT:
      when = herald_campaign_get_started_at (c);
      k.none = when == NULL;
      k.text = herald_datetime_to_iso8601 (when);
      break;
    case HERALD_CAMPAIGN_SORT_TARGET_COUNT:
      k.number = (double) herald_campaign_get_target_count (c);
      break;
    case HERALD_CAMPAIGN_SORT_SENT_COUNT:
      k.number = (double) herald_campaign_get_sent_count (c);
      break;
    case HERALD_CAMPAIGN_SORT_OPEN_RATE:
      /* an SMS shows "—" */
      k.none = delivered <= 0 || herald_campaign_get_campaign_type (c) == HERALD_CAMPAIGN_TYPE_SMS;
      if (!k.none)
        k.number = (double) herald_campaign_get_open_count (c) / (double) delivered;
      break;
    case HERALD_CAMPAIGN_SORT_CLICK_RATE:
      k.none = delivered <= 0;
      if (!k.none)
        k.number = (double) herald_campaign_get_click_count (c) / (double) delivered;
      break;
    case HERALD_CAMPAIGN_SORT_BUDGET:
      k.number = (double) herald_campaign_get_budget (c);
      break;
    case HERALD_CAMPAIGN_SORT_SPENT:
      k.number = (double) herald_campaign_get_spent (c);
      break;
    default:
      g_assert_not_reached ();
    }
  return k;
}

static int
sort_key_compare (const SortKey *a,
                  const SortKey *b,
                  gboolean       descending)
{
  int cmp = 0;

  if (a->none != b->none)
    return a->none ? 1 : -1;
  if (!a->none && a->text != NULL)
    cmp = a->fold ? g_ascii_strcasecmp (a->text, b->text) : strcmp (a->text, b->text);
  else if (!a->none)
    cmp = (a->number > b->number) - (a->number < b->number);
  if (cmp == 0)
    cmp = (a->index > b->index) - (a->index < b->index);
  return descending ? -cmp : cmp;
}

typedef struct
{
  SortKey  key;
  HeraldCampaign *campaign;
} Sorted;

static int
sorted_compare_asc (gconstpointer a, gconstpointer b)
{
  return sort_key_compare (&((const Sorted *) a)->key, &((const Sorted *) b)->key, FALSE);
}

static int
sorted_compare_desc (gconstpointer a, gconstpointer b)
{
  return sort_key_compare (&((const Sorted *) a)->key, &((const Sorted *) b)->key, TRUE);
}

/* Every sort key in both directions: the store's pages (keyset, small
 * pages) and the list model give the order computed here. */
static void
test_sort_order (Fixture       *f,
                 gconstpointer  data)
{
  const guint n = 240;
  g_autoptr(GPtrArray) all = add_sortable_campaigns (f, n);

  for (int sort = 0; sort < N_SORTS; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
        g_autoptr(HeraldCampaignList) list = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree Sorted *expected = g_new0 (Sorted, n);
        g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_object_unref);
        HeraldCampaign *after = NULL;

        for (guint i = 0; i < n; i++)
          {
            expected[i].campaign = g_ptr_array_index (all, i);
            expected[i].key = sort_key_of (expected[i].campaign, sort, i);
          }
        qsort (expected, n, sizeof (Sorted), descending ? sorted_compare_desc : sorted_compare_asc);

        herald_campaign_query_set_sort (q, sort, descending);
        for (;;)
          {
            g_autoptr(GPtrArray) page = herald_store_list_campaigns (f->store, q, after, 7, &error);

            g_assert_no_error (error);
            if (page->len == 0)
              break;
            for (guint i = 0; i < page->len; i++)
              g_ptr_array_add (got, g_object_ref (g_ptr_array_index (page, i)));
            after = g_ptr_array_index (got, got->len - 1);
          }
        g_assert_cmpuint (got->len, ==, n);
        list = herald_campaign_list_new (f->store, q);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
        for (guint i = 0; i < n; i++)
          if (g_strcmp0 (herald_record_get_id (g_ptr_array_index (got, i)),
                         herald_record_get_id (HERALD_RECORD (expected[i].campaign))) != 0)
            g_error ("sort %d %s: row %u is “%s”, expected “%s”", sort, descending ? "desc" : "asc", i,
                     herald_campaign_get_name (g_ptr_array_index (got, i)),
                     herald_campaign_get_name (expected[i].campaign));
        /* the list model, backwards: pages reached by walking the index */
        for (guint i = n; i-- > 0;)
          {
            g_autoptr(HeraldCampaign) item = g_list_model_get_item (G_LIST_MODEL (list), i);

            g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (item)), ==,
                             herald_record_get_id (HERALD_RECORD (expected[i].campaign)));
          }
        for (guint i = 0; i < n; i++)
          g_free (expected[i].key.text);
      }
}

static int
trace_cb (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  GHashTable *seen = data;
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && strstr (sql, "FROM campaigns") != NULL && strstr (sql, "EXPLAIN") == NULL)
    g_hash_table_add (seen, g_strdup (sql));
  return 0;
}

/* Every statement the campaign list and the store's pages run, for every
 * sort key in both directions, reads the sort index: no "USE TEMP B-TREE
 * FOR ORDER BY" (a sort of every row per page at 100,000 campaigns), no
 * scan of the table, and the keyset condition seeks in the index. */
static void
test_sort_plans (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) all = add_sortable_campaigns (f, 300);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = herald_store_get_read_handle (f->store);
  GHashTableIter iter;
  gpointer key;
  guint n_keyset = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_cb, seen);
  for (int sort = 0; sort < N_SORTS; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
        g_autoptr(HeraldCampaignList) list = NULL;
        g_autoptr(GPtrArray) page = NULL;
        g_autoptr(GPtrArray) next = NULL;
        g_autoptr(HeraldCampaign) item = NULL;
        g_autoptr(GError) error = NULL;
        HeraldCampaign *c = g_ptr_array_index (all, (guint) (sort * 2 + descending));

        herald_campaign_query_set_sort (q, sort, descending);
        page = herald_store_list_campaigns (f->store, q, NULL, 10, &error);
        g_assert_no_error (error);
        next = herald_store_list_campaigns (f->store, q, g_ptr_array_index (page, 9), 10, &error);
        g_assert_no_error (error);
        list = herald_campaign_list_new (f->store, q);
        item = g_list_model_get_item (G_LIST_MODEL (list), 299);   /* walks the index */
        g_assert_nonnull (item);
        /* a change: old and new position */
        herald_campaign_set_description (c, herald_campaign_get_description (c)[0] ? "" : "geändert");
        g_assert_true (herald_store_save_full (f->store, HERALD_RECORD (c), HERALD_STORE_ORIGIN_REMOTE, &error));
        g_assert_no_error (error);
      }
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *sql = key;
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      gboolean keyset = strstr (sql, "local_id) >") != NULL || strstr (sql, "local_id) <") != NULL;
      sqlite3_stmt *stmt;

      if (strstr (sql, "ORDER BY") == NULL && strstr (sql, "count(*)") == NULL)
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s\n%s", sql, plan->str);
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
      g_assert_null (strstr (plan->str, "SCAN campaigns\n"));
      if (keyset)
        {
          g_assert_nonnull (strstr (plan->str, "SEARCH campaigns USING"));
          n_keyset++;
        }
    }
  /* a first page and a keyset page of the store, the list's page, walk,
   * and old and new positions, per key and direction */
  g_assert_cmpuint (n_keyset, >=, N_SORTS * 2 * 2);
}

static int
trace_performance_cb (unsigned  type,
                      void     *data,
                      void     *p,
                      void     *x)
{
  GPtrArray *seen = data;
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && strstr (sql, "FROM performance") != NULL && strstr (sql, "EXPLAIN") == NULL)
    g_ptr_array_add (seen, g_strdup (sql));
  return 0;
}

/* "As of" without a sync is the newest change: one step in an index, for
 * all campaigns (performance_updated) and for one ((campaign_id, date)),
 * never a scan of every day; and it is the newest updated_at. */
static void
test_as_of_plans (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) all = NULL;
  g_autoptr(GDateTime) one = NULL;
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2026, 5, 3, 12, 0, 0);
  sqlite3 *db = herald_store_get_read_handle (f->store);

  herald_campaign_set_name (c, "As of");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  for (int day = 1; day <= 3; day++)
    {
      g_autoptr(HeraldPerformanceDay) d = herald_performance_day_new ();
      g_autofree char *date = g_strdup_printf ("2026-05-%02d", day);
      g_autoptr(GDateTime) updated = g_date_time_new_utc (2026, 5, day, 12, 0, 0);

      herald_performance_day_set_campaign_id (d, herald_record_get_id (HERALD_RECORD (c)));
      herald_performance_day_set_date (d, date);
      herald_record_set_updated_at (HERALD_RECORD (d), updated);
      g_assert_true (herald_store_save_full (f->store, HERALD_RECORD (d), HERALD_STORE_ORIGIN_REMOTE, &error));
      g_assert_no_error (error);
    }

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_performance_cb, seen);
  all = herald_performance_report_dup_as_of (f->store, NULL, &error);
  g_assert_no_error (error);
  one = herald_performance_report_dup_as_of (f->store, herald_record_get_id (HERALD_RECORD (c)), &error);
  g_assert_no_error (error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_assert_nonnull (all);
  g_assert_nonnull (one);
  g_assert_true (g_date_time_equal (all, newest));
  g_assert_true (g_date_time_equal (one, newest));
  g_assert_cmpuint (seen->len, ==, 2);
  for (guint i = 0; i < seen->len; i++)
    {
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", (char *) seen->pdata[i], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s\n%s", (char *) seen->pdata[i], plan->str);
      g_assert_null (strstr (plan->str, "SCAN performance\n"));
      g_assert_nonnull (strstr (plan->str, "USING"));
    }
}

static void
test_templates_search (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) t = herald_template_new ();
  g_autoptr(GPtrArray) hits = NULL;

  herald_template_set_name (t, "Willkommen");
  herald_template_set_body_html (t, "<p>Hallo {{first_name}}, schön, dass Sie da sind.</p>");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (t), &error));
  hits = herald_store_search_templates (f->store, "schon", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* the index follows edits */
  herald_template_set_body_html (t, "<p>Guten Tag</p>");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (t), &error));
  hits = herald_store_search_templates (f->store, "schon", 5, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = herald_store_list_templates (f->store, HERALD_TEMPLATE_TYPE_EMAIL, "guten", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = herald_store_list_templates (f->store, HERALD_TEMPLATE_TYPE_SMS, NULL, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* the preheader is searched too, and follows edits */
  herald_template_set_preheader (t, "Nur heute: Frühbucherrabatt");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (t), &error));
  hits = herald_store_search_templates (f->store, "fruhbucher", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = herald_store_list_templates (f->store, -1, "frühbucher", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  herald_template_set_preheader (t, "Nur heute");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (t), &error));
  hits = herald_store_search_templates (f->store, "fruhbucher", 5, &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_recipients_events_performance (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) a = make_campaign (f, "A");
  g_autoptr(HeraldCampaign) b = make_campaign (f, "B");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(HeraldPerformanceDay) totals = NULL;
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 4, 1, 8, 0, 0);
  const char *aid = herald_record_get_id (HERALD_RECORD (a));
  gint64 counts[5];
  double rate;

  for (int i = 0; i < 20; i++)
    {
      HeraldRecipient *r = herald_recipient_new ();
      g_autofree char *addr = g_strdup_printf ("kunde%02d@%s.example", i, i % 2 ? "firma" : "privat");

      herald_recipient_set_campaign_id (r, aid);
      herald_recipient_set_address (r, addr);
      herald_recipient_set_status (r, i < 15 ? HERALD_RECIPIENT_STATUS_DELIVERED : HERALD_RECIPIENT_STATUS_BOUNCED);
      g_ptr_array_add (batch, r);
    }
  for (int i = 0; i < 6; i++)
    {
      HeraldEvent *e = herald_event_new ();
      g_autoptr(GDateTime) t = g_date_time_add_hours (t0, i);

      herald_event_set_campaign_id (e, aid);
      herald_event_set_event_type (e, i % 2 ? HERALD_EVENT_TYPE_OPENED : HERALD_EVENT_TYPE_CLICKED);
      herald_event_set_timestamp (e, t);
      g_ptr_array_add (batch, e);
    }
  for (int d = 1; d <= 3; d++)
    for (int k = 0; k < 2; k++)
      {
        HeraldPerformanceDay *p = herald_performance_day_new ();
        g_autofree char *date = g_strdup_printf ("2026-04-%02d", d);

        herald_performance_day_set_campaign_id (p, herald_record_get_id (HERALD_RECORD (k ? b : a)));
        herald_performance_day_set_date (p, date);
        herald_performance_day_set_sent_count (p, 100);
        herald_performance_day_set_delivered_count (p, 90);
        herald_performance_day_set_open_count (p, 30);
        herald_performance_day_set_machine_open_count (p, d);
        herald_performance_day_set_revenue (p, 5000);
        herald_performance_day_set_spent (p, 2000);
        g_ptr_array_add (batch, p);
      }
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);

  g_assert_true (herald_store_count_recipients_by_status (f->store, aid, counts, &error));
  g_assert_cmpint (counts[HERALD_RECIPIENT_STATUS_DELIVERED], ==, 15);
  g_assert_cmpint (counts[HERALD_RECIPIENT_STATUS_BOUNCED], ==, 5);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, HERALD_RECIPIENT_STATUS_BOUNCED, NULL, &error), ==, 5);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, -1, "FIRMA", &error), ==, 10);
  page = herald_store_list_recipients (f->store, aid, -1, "firma", NULL, 4, &error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpstr (herald_recipient_get_address (g_ptr_array_index (page, 0)), ==, "kunde01@firma.example");
  {
    g_autoptr(GPtrArray) next = herald_store_list_recipients (f->store, aid, -1, "firma", g_ptr_array_index (page, 3), 100, &error);

    g_assert_cmpuint (next->len, ==, 6);
    g_assert_cmpstr (herald_recipient_get_address (g_ptr_array_index (next, 0)), ==, "kunde09@firma.example");
  }
  g_clear_pointer (&page, g_ptr_array_unref);

  page = herald_store_list_events (f->store, aid, HERALD_EVENT_TYPE_OPENED, NULL, NULL, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  {
    g_autoptr(GDateTime) t5 = g_date_time_add_hours (t0, 5);
    g_autoptr(GPtrArray) next = herald_store_list_events (f->store, aid, HERALD_EVENT_TYPE_OPENED, NULL, NULL,
                                                          g_ptr_array_index (page, 1), 10, &error);

    g_assert_true (g_date_time_equal (herald_event_get_timestamp (g_ptr_array_index (page, 0)), t5));
    g_assert_cmpuint (next->len, ==, 1);
  }
  g_clear_pointer (&page, g_ptr_array_unref);
  {
    g_autoptr(GDateTime) since = g_date_time_add_hours (t0, 2);
    g_autoptr(GDateTime) until = g_date_time_add_hours (t0, 4);

    page = herald_store_list_events (f->store, aid, -1, since, until, NULL, 10, &error);
    g_assert_cmpuint (page->len, ==, 2);
  }

  days = herald_store_list_performance (f->store, aid, "2026-04-02", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = herald_store_list_performance (f->store, NULL, NULL, NULL, &error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (herald_performance_day_get_sent_count (g_ptr_array_index (days, 0)), ==, 200);
  g_assert_cmpfloat_with_epsilon (herald_performance_day_get_open_rate (g_ptr_array_index (days, 0)), 60.0 / 180.0, 1e-9);
  /* machine opens are summed apart and in no rate */
  g_assert_cmpint (herald_performance_day_get_machine_open_count (g_ptr_array_index (days, 0)), ==, 2);
  g_assert_cmpint (herald_performance_day_get_machine_open_count (g_ptr_array_index (days, 2)), ==, 6);

  totals = herald_store_get_performance_totals (f->store, NULL, "2026-04-01", "2026-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_performance_day_get_revenue (totals), ==, 30000);
  g_assert_cmpint (herald_performance_day_get_spent (totals), ==, 12000);
  g_assert_cmpfloat_with_epsilon (herald_performance_day_get_roi (totals), 1.5, 1e-9);
  g_assert_cmpint (herald_performance_day_get_open_count (totals), ==, 180);
  g_assert_cmpint (herald_performance_day_get_machine_open_count (totals), ==, 12);
  g_assert_cmpfloat_with_epsilon (herald_performance_day_get_open_rate (totals), 180.0 / 540.0, 1e-9);
  g_clear_object (&totals);
  totals = herald_store_get_performance_totals (f->store, aid, "2027-01-01", NULL, &error);
  g_assert_cmpint (herald_performance_day_get_sent_count (totals), ==, 0);
  g_assert_false (herald_metrics_open_rate (0, herald_performance_day_get_delivered_count (totals), &rate));
  g_assert_cmpfloat (herald_performance_day_get_open_rate (totals), ==, -1.0);

  /* deleting a campaign takes its rows along */
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (a), &error));
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, -1, NULL, &error), ==, 0);
}

static gint64
sql_int (sqlite3    *db,
         const char *sql,
         const char *text1,
         const char *text2)
{
  sqlite3_stmt *stmt;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text1 != NULL)
    sqlite3_bind_text (stmt, 1, text1, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* recipient_counts is exactly COUNT(*) per campaign and status (rows of 0
 * may stay, no row of a deleted campaign, nothing negative), and the
 * store's counts for every campaign and status are COUNT(*).  Returns the
 * number of recipients. */
static gint64
assert_recipient_counts (HeraldStore *store)
{
  sqlite3 *db = herald_store_get_read_handle (store);
  sqlite3_stmt *stmt;
  gint64 total = 0;

  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM (SELECT campaign_id, status, n FROM recipient_counts WHERE n <> 0 "
                                "EXCEPT SELECT campaign_id, status, count(*) FROM recipients GROUP BY campaign_id, status)",
                            NULL, NULL), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM (SELECT campaign_id, status, count(*) FROM recipients "
                                "GROUP BY campaign_id, status "
                                "EXCEPT SELECT campaign_id, status, n FROM recipient_counts)",
                            NULL, NULL), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM recipient_counts WHERE n < 0 "
                                "OR campaign_id NOT IN (SELECT id FROM campaigns)", NULL, NULL), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM campaigns", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_autoptr(GError) error = NULL;
      gint64 by_status[HERALD_RECIPIENT_STATUS_FAILED + 1];
      gint64 all = sql_int (db, "SELECT count(*) FROM recipients WHERE campaign_id = ?1", id, NULL);

      g_assert_cmpint (herald_store_count_recipients (store, id, -1, NULL, &error), ==, all);
      g_assert_no_error (error);
      g_assert_true (herald_store_count_recipients_by_status (store, id, by_status, &error));
      g_assert_no_error (error);
      for (int s = 0; s <= HERALD_RECIPIENT_STATUS_FAILED; s++)
        {
          const char *nick = herald_enum_to_nick (HERALD_TYPE_RECIPIENT_STATUS, s);
          gint64 n = sql_int (db, "SELECT count(*) FROM recipients WHERE campaign_id = ?1 AND status = ?2", id, nick);

          g_assert_cmpint (herald_store_count_recipients (store, id, s, NULL, &error), ==, n);
          g_assert_no_error (error);
          g_assert_cmpint (by_status[s], ==, n);
        }
      total += all;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (total, ==, sql_int (db, "SELECT count(*) FROM recipients", NULL, NULL));
  return total;
}

static HeraldRecipient *
make_recipient (const char *campaign_id,
                guint       i)
{
  HeraldRecipient *r = herald_recipient_new ();
  g_autofree char *addr = g_strdup_printf ("zaehlung%03u@example.org", i);

  herald_recipient_set_campaign_id (r, campaign_id);
  herald_recipient_set_address (r, addr);
  herald_recipient_set_status (r, i % (HERALD_RECIPIENT_STATUS_FAILED + 1));
  return r;
}

/* The per-status counts follow every kind of write: inserts, status
 * changes, re-saves that change nothing, moves to another campaign,
 * deletes, rolled-back transactions and a campaign's cascading delete. */
static void
test_recipient_counts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) a = make_campaign (f, "Zählung A");
  g_autoptr(HeraldCampaign) b = make_campaign (f, "Zählung B");
  g_autoptr(HeraldCampaign) empty = make_campaign (f, "Zählung ohne Empfänger");
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  const char *aid = herald_record_get_id (HERALD_RECORD (a));
  const char *bid = herald_record_get_id (HERALD_RECORD (b));
  sqlite3 *db = herald_store_get_read_handle (f->store);
  gint64 before[HERALD_RECIPIENT_STATUS_FAILED + 1], after[HERALD_RECIPIENT_STATUS_FAILED + 1];

  g_assert_cmpint (assert_recipient_counts (f->store), ==, 0);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, -1, NULL, &error), ==, 0);

  /* inserts: 60 for a, 25 for b, every status */
  for (guint i = 0; i < 85; i++)
    {
      HeraldRecipient *r = make_recipient (i < 60 ? aid : bid, i);

      g_ptr_array_add (recipients, r);
      g_ptr_array_add (batch, r);
    }
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 85);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, -1, NULL, &error), ==, 60);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, HERALD_RECIPIENT_STATUS_PENDING, NULL, &error), ==, 12);
  g_assert_cmpint (herald_store_count_recipients (f->store, bid, -1, NULL, &error), ==, 25);
  /* one more, saved alone and as a person's edit */
  g_ptr_array_add (recipients, make_recipient (aid, 85));
  g_assert_true (herald_store_save (f->store, recipients->pdata[85], &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 86);

  /* status changes, one by one and in a batch */
  herald_recipient_set_status (recipients->pdata[0], HERALD_RECIPIENT_STATUS_BOUNCED);
  g_assert_true (herald_store_save (f->store, recipients->pdata[0], &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (batch, 0);
  for (guint i = 1; i < 20; i++)
    {
      herald_recipient_set_status (recipients->pdata[i], HERALD_RECIPIENT_STATUS_DELIVERED);
      g_ptr_array_add (batch, recipients->pdata[i]);
    }
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 86);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, HERALD_RECIPIENT_STATUS_DELIVERED, NULL, &error),
                   ==, sql_int (db, "SELECT count(*) FROM recipients WHERE campaign_id = ?1 AND status = 'delivered'",
                                aid, NULL));

  /* saved again with the same status and campaign (the upsert names every
   * column): nothing moves */
  herald_recipient_set_address (recipients->pdata[21], "neu@example.org");
  g_ptr_array_set_size (batch, 0);
  for (guint i = 20; i < 40; i++)
    g_ptr_array_add (batch, recipients->pdata[i]);
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 86);

  /* moved to another campaign, with and without a new status */
  for (guint i = 40; i < 45; i++)
    {
      herald_recipient_set_campaign_id (recipients->pdata[i], bid);
      if (i % 2)
        herald_recipient_set_status (recipients->pdata[i], HERALD_RECIPIENT_STATUS_FAILED);
      g_assert_true (herald_store_save_full (f->store, recipients->pdata[i], HERALD_STORE_ORIGIN_REMOTE, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 86);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, -1, NULL, &error), ==, 56);
  g_assert_cmpint (herald_store_count_recipients (f->store, bid, -1, NULL, &error), ==, 30);

  /* deletes */
  for (guint i = 45; i < 48; i++)
    {
      g_assert_true (herald_store_delete (f->store, recipients->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 83);
  g_assert_cmpint (herald_store_count_recipients (f->store, aid, -1, NULL, &error), ==, 53);

  /* a batch that fails at its last record (a campaign that does not
   * exist) is rolled back with the counts its earlier records changed */
  g_assert_true (herald_store_count_recipients_by_status (f->store, aid, before, &error));
  {
    g_autoptr(HeraldRecipient) fresh = make_recipient (aid, 200);
    g_autoptr(HeraldRecipient) orphan = NULL;
    g_autofree char *nowhere = g_uuid_string_random ();

    orphan = make_recipient (nowhere, 201);
    herald_recipient_set_status (recipients->pdata[48], HERALD_RECIPIENT_STATUS_FAILED);
    herald_recipient_set_campaign_id (recipients->pdata[49], bid);
    g_ptr_array_set_size (batch, 0);
    g_ptr_array_add (batch, fresh);
    g_ptr_array_add (batch, recipients->pdata[48]);
    g_ptr_array_add (batch, recipients->pdata[49]);
    g_ptr_array_add (batch, orphan);
    g_assert_false (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
    g_assert_nonnull (error);
    g_test_message ("rolled back: %s", error->message);
    g_clear_error (&error);
  }
  g_assert_true (herald_store_count_recipients_by_status (f->store, aid, after, &error));
  for (int s = 0; s <= HERALD_RECIPIENT_STATUS_FAILED; s++)
    g_assert_cmpint (after[s], ==, before[s]);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 83);

  /* the same by hand on the write connection: inside the transaction the
   * counts follow, after ROLLBACK they are as before */
  {
    sqlite3 *wdb = herald_store_get_write_handle (f->store);

    g_assert_cmpint (sqlite3_exec (wdb, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sql_int (wdb, "UPDATE recipients SET status = 'failed' WHERE campaign_id = ?1 RETURNING 0",
                              aid, NULL), ==, 0);
    g_assert_cmpint (sqlite3_exec (wdb, "DELETE FROM recipients WHERE status = 'sent'", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sql_int (wdb, "SELECT n FROM recipient_counts WHERE campaign_id = ?1 AND status = 'failed'",
                              aid, NULL), ==, 53);
    g_assert_cmpint (sql_int (wdb, "SELECT sum(n) FROM recipient_counts WHERE campaign_id = ?1", aid, NULL), ==, 53);
    g_assert_cmpint (sql_int (wdb, "SELECT n FROM recipient_counts WHERE campaign_id = ?1 AND status = 'sent'",
                              bid, NULL), ==, 0);
    g_assert_cmpint (sqlite3_exec (wdb, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_true (herald_store_count_recipients_by_status (f->store, aid, after, &error));
  for (int s = 0; s <= HERALD_RECIPIENT_STATUS_FAILED; s++)
    g_assert_cmpint (after[s], ==, before[s]);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 83);

  /* a campaign's delete cascades to its recipients and its counts */
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM recipient_counts WHERE campaign_id = ?1", bid, NULL), >, 0);
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM recipient_counts WHERE campaign_id = ?1", bid, NULL), ==, 0);
  g_assert_cmpint (herald_store_count_recipients (f->store, bid, -1, NULL, &error), ==, 0);
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 53);

  /* a campaign without recipients counts 0 in every status */
  g_assert_cmpint (herald_store_count_recipients (f->store, herald_record_get_id (HERALD_RECORD (empty)), -1, NULL,
                                                  &error), ==, 0);
  g_assert_cmpint (herald_store_count_recipients (f->store, herald_record_get_id (HERALD_RECORD (empty)),
                                                  HERALD_RECIPIENT_STATUS_SENT, NULL, &error), ==, 0);

  /* deleting every recipient one by one leaves rows of 0, which go with
   * the campaign */
  {
    g_autoptr(GPtrArray) left = herald_store_list_recipients (f->store, aid, -1, NULL, NULL, 1000, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 53);
    for (guint i = 0; i < left->len; i++)
      {
        g_assert_true (herald_store_delete (f->store, left->pdata[i], &error));
        g_assert_no_error (error);
      }
  }
  g_assert_cmpint (assert_recipient_counts (f->store), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM recipient_counts WHERE campaign_id = ?1 AND n = 0", aid, NULL),
                   ==, HERALD_RECIPIENT_STATUS_FAILED + 1);
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM recipient_counts", NULL, NULL), ==, 0);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (herald_store_save_finish (HERALD_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (herald_store_delete_finish (HERALD_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
record_changed_cb (HeraldStore  *store,
                   HeraldRecord *old_record,
                   HeraldRecord *new_record,
                   gpointer      user_data)
{
  guint *n = user_data;

  (*n)++;
}

/* A day that spent nothing has no ROI ("—"), stored as NULL, written to
 * the outbox as null, and sums without spending have none either. */
static void
test_roi_no_value (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = make_campaign (f, "ROI");
  g_autoptr(HeraldPerformanceDay) none = herald_performance_day_new ();
  g_autoptr(HeraldPerformanceDay) spent = herald_performance_day_new ();
  g_autoptr(HeraldPerformanceDay) loaded = NULL;
  g_autoptr(HeraldPerformanceDay) totals = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(JsonNode) patch = NULL;
  const char *cid = herald_record_get_id (HERALD_RECORD (c));

  /* the default is "no value" */
  g_assert_true (herald_performance_day_get_roi (none) == HERALD_METRICS_NO_ROI);
  g_assert_true (isinf (HERALD_METRICS_NO_ROI) && HERALD_METRICS_NO_ROI < -1.0);

  herald_performance_day_set_campaign_id (none, cid);
  herald_performance_day_set_date (none, "2026-05-01");
  herald_performance_day_set_revenue (none, 500);
  herald_performance_day_set_spent (none, 0);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (none), &error));
  g_assert_no_error (error);
  herald_performance_day_set_campaign_id (spent, cid);
  herald_performance_day_set_date (spent, "2026-05-02");
  herald_performance_day_set_revenue (spent, 5000);
  herald_performance_day_set_spent (spent, 2000);
  herald_performance_day_set_roi (spent, 1.5);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (spent), &error));

  loaded = herald_store_get_performance_day (f->store, herald_record_get_id (HERALD_RECORD (none)), &error);
  g_assert_no_error (error);
  g_assert_true (herald_performance_day_get_roi (loaded) == HERALD_METRICS_NO_ROI);
  g_assert_true (herald_record_equal (HERALD_RECORD (none), HERALD_RECORD (loaded)));
  g_assert_false (herald_record_equal (HERALD_RECORD (spent), HERALD_RECORD (loaded)));
  g_assert_cmpint (roi_is_null (f->store, herald_record_get_id (HERALD_RECORD (none))), ==, 1);
  g_assert_cmpint (roi_is_null (f->store, herald_record_get_id (HERALD_RECORD (spent))), ==, 0);
  g_clear_object (&loaded);
  loaded = herald_store_get_performance_day (f->store, herald_record_get_id (HERALD_RECORD (spent)), &error);
  g_assert_cmpfloat (herald_performance_day_get_roi (loaded), ==, 1.5);

  /* the wire: null, valid JSON */
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 3);
  g_assert_cmpstr (((HeraldOutboxEntry *) outbox->pdata[1])->entity_id, ==, herald_record_get_id (HERALD_RECORD (none)));
  patch = json_from_string (((HeraldOutboxEntry *) outbox->pdata[1])->patch, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (json_node_get_object (patch), "roi"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (patch), "roi")));

  /* sums: nothing spent on the 1st, 2,000 on the 2nd */
  totals = herald_store_get_performance_totals (f->store, cid, "2026-05-01", "2026-05-01", &error);
  g_assert_no_error (error);
  g_assert_true (herald_performance_day_get_roi (totals) == HERALD_METRICS_NO_ROI);
  g_clear_object (&totals);
  totals = herald_store_get_performance_totals (f->store, NULL, "2026-06-01", NULL, &error);
  g_assert_true (herald_performance_day_get_roi (totals) == HERALD_METRICS_NO_ROI);
  g_clear_object (&totals);
  totals = herald_store_get_performance_totals (f->store, cid, NULL, NULL, &error);
  g_assert_cmpfloat_with_epsilon (herald_performance_day_get_roi (totals), (5500.0 - 2000.0) / 2000.0, 1e-12);
  days = herald_store_list_performance (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_true (herald_performance_day_get_roi (g_ptr_array_index (days, 0)) == HERALD_METRICS_NO_ROI);
  g_assert_cmpfloat_with_epsilon (herald_performance_day_get_roi (g_ptr_array_index (days, 1)), 1.5, 1e-12);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  gboolean done = FALSE;
  guint n_changed = 0;

  g_signal_connect (f->store, "record-changed", G_CALLBACK (record_changed_cb), &n_changed);
  herald_campaign_set_name (c, "Im Hintergrund gespeichert");
  herald_store_save_async (f->store, HERALD_RECORD (c), NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (herald_record_get_version (HERALD_RECORD (c)), ==, 1);
  g_assert_nonnull (herald_record_get_updated_at (HERALD_RECORD (c)));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (outbox_count (f), ==, 1);

  done = FALSE;
  herald_store_delete_async (f->store, HERALD_RECORD (c), NULL, deleted_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (outbox_count (f), ==, 0);
  g_signal_handlers_disconnect_by_data (f->store, &n_changed);

  /* the worker thread drops its task (and so its store reference) after
   * the callback has run here */
  for (int i = 0; i < 5000 && G_OBJECT (f->store)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (G_OBJECT (f->store)->ref_count, ==, 1);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  gboolean has_de = FALSE, has_en = FALSE;
  guint with_recipients = 0, with_events = 0, machine_open_events = 0;

  g_assert_true (herald_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (herald_store_is_empty (f->store));
  g_assert_cmpint (outbox_count (f), ==, 0);

  for (int s = HERALD_CAMPAIGN_STATUS_DRAFT; s <= HERALD_CAMPAIGN_STATUS_CANCELLED; s++)
    {
      herald_campaign_query_set_status (q, s);
      g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), >, 0);
    }
  herald_campaign_query_set_status (q, -1);
  for (int t = HERALD_CAMPAIGN_TYPE_EMAIL; t <= HERALD_CAMPAIGN_TYPE_SOCIAL; t++)
    {
      herald_campaign_query_set_campaign_type (q, t);
      g_assert_cmpint (herald_store_count_campaigns (f->store, q, &error), >, 0);
    }

  templates = herald_store_list_templates (f->store, -1, NULL, &error);
  for (guint i = 0; i < templates->len; i++)
    {
      has_de |= g_str_equal (herald_template_get_locale (g_ptr_array_index (templates, i)), "de");
      has_en |= g_str_equal (herald_template_get_locale (g_ptr_array_index (templates, i)), "en");
    }
  g_assert_true (has_de && has_en);

  days = herald_store_list_performance (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 60);

  campaigns = herald_store_list_campaigns (f->store, NULL, NULL, 100, &error);
  for (guint i = 0; i < campaigns->len; i++)
    {
      const char *id = herald_record_get_id (g_ptr_array_index (campaigns, i));
      g_autoptr(GPtrArray) events = herald_store_list_events (f->store, id, -1, NULL, NULL, NULL, 1, &error);

      g_autoptr(HeraldPerformanceDay) totals = herald_store_get_performance_totals (f->store, id, NULL, NULL, &error);
      gboolean mail = herald_campaign_get_campaign_type (g_ptr_array_index (campaigns, i)) == HERALD_CAMPAIGN_TYPE_EMAIL;

      g_autoptr(GPtrArray) series = herald_store_list_performance (f->store, id, NULL, NULL, &error);

      with_recipients += herald_store_count_recipients (f->store, id, -1, NULL, &error) > 0;
      with_events += events->len > 0;
      /* a campaign's audience fits in its segment */
      {
        HeraldCampaign *campaign = g_ptr_array_index (campaigns, i);
        g_autoptr(HeraldSegment) segment = herald_store_get_segment (f->store, herald_campaign_get_segment_id (campaign), &error);

        g_assert_no_error (error);
        g_assert_nonnull (segment);
        g_assert_cmpint (herald_campaign_get_target_count (campaign), <=, herald_segment_get_contact_count (segment));
      }
      /* a day without spending has no ROI, not 0 */
      for (guint j = 0; j < series->len; j++)
        {
          HeraldPerformanceDay *day = g_ptr_array_index (series, j);
          gint64 spent = herald_performance_day_get_spent (day);
          double roi;

          if (herald_metrics_roi (herald_performance_day_get_revenue (day), spent, &roi))
            g_assert_cmpfloat_with_epsilon (herald_performance_day_get_roi (day), roi, 1e-12);
          else
            g_assert_true (herald_performance_day_get_roi (day) == HERALD_METRICS_NO_ROI);
        }
      /* machine opens (Apple's proxy, scanners) in mail with traffic only */
      g_assert_cmpint (herald_performance_day_get_machine_open_count (totals) > 0, ==,
                       mail && herald_performance_day_get_delivered_count (totals) > 0);
      g_assert_cmpint (herald_performance_day_get_open_count (totals) + herald_performance_day_get_machine_open_count (totals),
                       <=, herald_performance_day_get_delivered_count (totals));
      if (mail)
        {
          g_autoptr(GPtrArray) opens = herald_store_list_events (f->store, id, HERALD_EVENT_TYPE_OPENED,
                                                                 NULL, NULL, NULL, 1000, &error);

          for (guint j = 0; j < opens->len; j++)
            machine_open_events += herald_event_is_machine_open (g_ptr_array_index (opens, j));
        }
    }
  g_assert_cmpuint (machine_open_events, >, 0);
  g_assert_cmpuint (with_recipients, >=, 5);
  g_assert_cmpuint (with_events, >=, 5);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) segments = herald_store_list_segments (f->store, &error);

    g_assert_cmpuint (segments->len, >, 0);
  }

  /* never over the user's data */
  g_assert_false (herald_demo_fill (f->store, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED);
}

static void
assert_not_after (GDateTime  *when,
                  GDateTime  *made_at,
                  const char *what)
{
  if (when != NULL && g_date_time_compare (when, made_at) > 0)
    {
      g_autofree char *a = g_date_time_format_iso8601 (when);
      g_autofree char *b = g_date_time_format_iso8601 (made_at);

      g_error ("%s at %s, after the sample was made (%s)", what, a, b);
    }
}

/* The sample's traffic ends before the time it is made at, whatever the
 * time of day: shortly after midnight, campaigns that run until today
 * had sends, opens and events in the coming hours (a new event was then
 * not the newest in the Activity tab). */
static void
test_demo_in_the_past (void)
{
  const char *times[] = { "2026-12-02T00:05:00Z", "2026-12-02T08:59:00Z", "2026-12-02T23:55:00Z" };

  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    {
      g_autofree char *dir = herald_test_store_dir_new ();
      g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) made_at = g_date_time_new_from_iso8601 (times[t], NULL);
      HeraldStore *store = herald_store_open (path, &error);
      g_autoptr(GPtrArray) campaigns = NULL;
      guint n_events = 0, n_sent = 0;

      g_assert_no_error (error);
      g_assert_true (herald_demo_fill_at (store, made_at, &error));
      g_assert_no_error (error);
      campaigns = herald_store_list_campaigns (store, NULL, NULL, 100, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < campaigns->len; i++)
        {
          HeraldCampaign *campaign = g_ptr_array_index (campaigns, i);
          const char *id = herald_record_get_id (HERALD_RECORD (campaign));
          g_autoptr(GPtrArray) later = herald_store_list_events (store, id, -1, made_at, NULL, NULL, 1, &error);
          g_autoptr(GPtrArray) events = herald_store_list_events (store, id, -1, NULL, NULL, NULL, 100000, &error);
          g_autoptr(GPtrArray) recipients = herald_store_list_recipients (store, id, -1, NULL, NULL, 100000, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (later->len, ==, 0);
          for (guint j = 0; j < events->len; j++)
            assert_not_after (herald_event_get_timestamp (g_ptr_array_index (events, j)), made_at, "an event");
          for (guint j = 0; j < recipients->len; j++)
            {
              HeraldRecipient *r = g_ptr_array_index (recipients, j);

              assert_not_after (herald_recipient_get_sent_at (r), made_at, "a send");
              assert_not_after (herald_recipient_get_delivered_at (r), made_at, "a delivery");
              assert_not_after (herald_recipient_get_opened_at (r), made_at, "an open");
              assert_not_after (herald_recipient_get_clicked_at (r), made_at, "a click");
              n_sent += herald_recipient_get_sent_at (r) != NULL;
            }
          n_events += events->len;
          assert_not_after (herald_campaign_get_started_at (campaign), made_at, "a start");
          assert_not_after (herald_campaign_get_completed_at (campaign), made_at, "a completion");
        }
      g_assert_cmpuint (n_events, >, 1000);
      g_assert_cmpuint (n_sent, >, 1000);
      g_assert_finalize_object (store);
      herald_test_store_dir_remove (dir);
    }
}

static void
test_sync_bookkeeping (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldCampaign) c = make_campaign (f, "Entwurf");
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GDateTime) retry = g_date_time_new_utc (2026, 7, 1, 10, 0, 0);
  g_autofree char *missing = herald_uuid_new ();
  g_autofree char *cursor = NULL;
  HeraldOutboxEntry *e;

  g_assert_null (herald_store_get_meta (f->store, "campaigns-cursor", &error));
  g_assert_no_error (error);

  /* a page and its cursor go together */
  for (int i = 0; i < 3; i++)
    {
      HeraldCampaign *remote = herald_campaign_new ();

      herald_campaign_set_name (remote, "Vom Server");
      g_ptr_array_add (page, remote);
    }
  g_assert_true (herald_store_save_page (f->store, page, "campaigns-cursor", "2026-07-01T00:00:00.000Z", &error));
  g_assert_no_error (error);
  cursor = herald_store_get_meta (f->store, "campaigns-cursor", &error);
  g_assert_cmpstr (cursor, ==, "2026-07-01T00:00:00.000Z");
  g_clear_pointer (&cursor, g_free);

  /* ... and fail together */
  {
    HeraldRecipient *bad = herald_recipient_new ();

    herald_recipient_set_campaign_id (bad, missing);
    g_ptr_array_add (page, bad);
  }
  g_assert_false (herald_store_save_page (f->store, page, "campaigns-cursor", "2026-08-01T00:00:00.000Z", &error));
  g_clear_error (&error);
  cursor = herald_store_get_meta (f->store, "campaigns-cursor", &error);
  g_assert_cmpstr (cursor, ==, "2026-07-01T00:00:00.000Z");

  /* an attempted push no longer folds later edits into itself */
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_cmpuint (outbox->len, ==, 1);
  e = g_ptr_array_index (outbox, 0);
  g_assert_true (herald_store_mark_outbox_attempt (f->store, e->seq, retry, FALSE, "503 Service Unavailable", &error));
  g_assert_no_error (error);
  herald_campaign_set_name (c, "Entwurf 2");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_clear_pointer (&outbox, g_ptr_array_unref);
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_cmpuint (outbox->len, ==, 2);
  e = g_ptr_array_index (outbox, 0);
  g_assert_cmpint (e->attempts, ==, 1);
  g_assert_true (g_date_time_equal (e->next_attempt_at, retry));
  g_assert_cmpstr (e->last_error, ==, "503 Service Unavailable");
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 1))->op, ==, "update");

  g_assert_true (herald_store_mark_outbox_attempt (f->store, e->seq, NULL, TRUE, "422 name taken", &error));
  g_clear_pointer (&outbox, g_ptr_array_unref);
  outbox = herald_store_list_outbox (f->store, 10, &error);
  g_assert_cmpstr (((HeraldOutboxEntry *) g_ptr_array_index (outbox, 0))->state, ==, "failed");
}

/* Migrations and safety ----------------------------------------------- */

/* PRAGMA integrity_check of a store file, and the external-content FTS
 * indexes agree with their tables. */
static void
assert_integrity (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO campaigns_fts (campaigns_fts, rank) VALUES ('integrity-check', 1); "
                                     "INSERT INTO templates_fts (templates_fts, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate_from_each_version (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();

  for (int from = 1; from < herald_store_get_latest_schema_version (); from++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", dir, from);
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldCampaign) c = herald_campaign_new ();
      g_autoptr(GPtrArray) hits = NULL;
      g_autofree char *day_id = g_uuid_string_random ();
      g_autofree char *spent_day_id = g_uuid_string_random ();
      HeraldStore *old_store;
      HeraldStore *store;

      old_store = herald_store_open_at_version (path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (herald_store_get_schema_version (old_store), ==, from);
      herald_campaign_set_name (c, "Vor der Migration");
      g_assert_true (herald_store_save (old_store, HERALD_RECORD (c), &error));
      {
        /* recipients, which version 7 counts per status */
        g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; i < 23; i++)
          g_ptr_array_add (batch, make_recipient (herald_record_get_id (HERALD_RECORD (c)), i));
        g_assert_true (herald_store_save_many (old_store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
        g_assert_no_error (error);
      }
      if (from >= 3)
        {
          /* a template with a preheader, which version 3 did not index */
          g_autoptr(HeraldTemplate) t = herald_template_new ();

          herald_template_set_name (t, "Vorlage vor der Migration");
          herald_template_set_preheader (t, "Frühbucherrabatt bis Freitag");
          g_assert_true (herald_store_save (old_store, HERALD_RECORD (t), &error));
          g_assert_no_error (error);
        }
      else
        {
          /* the store of this version cannot write a template (no
           * preheader column yet): a row as that version would have */
          sqlite3 *db = herald_store_get_read_handle (old_store);
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *sql = g_strdup_printf ("INSERT INTO templates (id, created_at, updated_at, name, type) "
                                                  "VALUES ('%s', '2026-01-01T00:00:00.000Z', "
                                                  "'2026-01-01T00:00:00.000Z', 'Vorlage vor der Migration', 'email')",
                                                  uuid);

          g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      {
        /* a day of performance as every version before 5 stored it,
         * without a machine open count */
        sqlite3 *db = herald_store_get_read_handle (old_store);
        g_autofree char *sql = g_strdup_printf ("INSERT INTO performance (id, created_at, updated_at, campaign_id, date, "
                                                "sent_count, delivered_count, open_count) VALUES ('%s', "
                                                "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '%s', "
                                                "'2026-01-01', 100, 90, 30)",
                                                day_id, herald_record_get_id (HERALD_RECORD (c)));

        g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        /* before version 4 a day that spent nothing had ROI 0.0 (the one
         * above, by the column's default); one that spent keeps its ROI */
        g_free (sql);
        sql = g_strdup_printf ("INSERT INTO performance (id, created_at, updated_at, campaign_id, date, "
                               "revenue, spent%s) VALUES ('%s', '2026-01-01T00:00:00.000Z', "
                               "'2026-01-01T00:00:00.000Z', '%s', '2026-01-02', 5000, 2000%s)",
                               from < 4 ? "" : ", roi", spent_day_id, herald_record_get_id (HERALD_RECORD (c)),
                               from < 4 ? "" : ", 1.5");
        g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        if (from < 4)
          g_assert_cmpint (sqlite3_exec (db, "UPDATE performance SET roi = 1.5 WHERE spent > 0", NULL, NULL, NULL),
                           ==, SQLITE_OK);
      }
      g_assert_finalize_object (old_store);

      store = herald_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (herald_store_get_schema_version (store), ==, herald_store_get_latest_schema_version ());
      {
        g_autoptr(HeraldPerformanceDay) day = herald_store_get_performance_day (store, day_id, &error);

        g_assert_no_error (error);
        g_assert_cmpint (herald_performance_day_get_open_count (day), ==, 30);
        g_assert_cmpint (herald_performance_day_get_machine_open_count (day), ==, 0);
        g_assert_true (herald_performance_day_get_roi (day) == HERALD_METRICS_NO_ROI);
        g_clear_object (&day);
        day = herald_store_get_performance_day (store, spent_day_id, &error);
        g_assert_no_error (error);
        g_assert_cmpfloat (herald_performance_day_get_roi (day), ==, 1.5);
        g_assert_cmpint (roi_is_null (store, day_id), ==, 1);
        g_assert_cmpint (roi_is_null (store, spent_day_id), ==, 0);
      }
      /* the old version's recipients are counted, and the triggers count
       * what comes after */
      g_assert_cmpint (assert_recipient_counts (store), ==, 23);
      g_assert_cmpint (herald_store_count_recipients (store, herald_record_get_id (HERALD_RECORD (c)),
                                                      HERALD_RECIPIENT_STATUS_FAILED, NULL, &error), ==, 4);
      {
        g_autoptr(HeraldRecipient) r = make_recipient (herald_record_get_id (HERALD_RECORD (c)), 23);

        g_assert_true (herald_store_save (store, HERALD_RECORD (r), &error));
        g_assert_no_error (error);
        g_assert_cmpint (assert_recipient_counts (store), ==, 24);
        g_assert_cmpint (herald_store_count_recipients (store, herald_record_get_id (HERALD_RECORD (c)),
                                                        -1, NULL, &error), ==, 24);
      }
      /* rows of the old version are found by the new search index */
      hits = herald_store_search_campaigns (store, "migration", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = herald_store_search_templates (store, "migration", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = herald_store_search_templates (store, "fruhbucher", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, from >= 3 ? 1 : 0);
      g_clear_pointer (&hits, g_ptr_array_unref);
      g_assert_finalize_object (store);
      assert_integrity (path);
    }
  herald_test_store_dir_remove (dir);
}

static char *
file_contents (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static gint64
pragma_int (sqlite3    *db,
            const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static char *
pragma_text (sqlite3    *db,
             const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt;
  char *v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return v;
}

/* The settings issue 3 asks for: WAL, foreign keys, synchronous=FULL for
 * the connection that takes edits, a busy timeout; the read connection
 * cannot write. */
static void
test_connection_settings (Fixture       *f,
                          gconstpointer  data)
{
  sqlite3 *edits = herald_store_get_write_handle (f->store);
  sqlite3 *reads = herald_store_get_read_handle (f->store);
  g_autofree char *mode_edits = pragma_text (edits, "journal_mode");
  g_autofree char *mode_reads = pragma_text (reads, "journal_mode");

  g_assert_true (edits != NULL && reads != NULL && edits != reads);
  g_assert_cmpstr (mode_edits, ==, "wal");
  g_assert_cmpstr (mode_reads, ==, "wal");
  g_assert_cmpint (pragma_int (edits, "foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (reads, "foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (edits, "synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (pragma_int (edits, "busy_timeout"), >, 0);
  g_assert_cmpint (pragma_int (reads, "busy_timeout"), >, 0);
  g_assert_cmpint (pragma_int (edits, "query_only"), ==, 0);
  g_assert_cmpint (pragma_int (reads, "query_only"), ==, 1);
  g_assert_cmpint (pragma_int (edits, "application_id"), ==, 0x48524c44);   /* 'HRLD' */
  g_assert_cmpint (pragma_int (edits, "user_version"), ==, herald_store_get_latest_schema_version ());
  /* foreign keys are enforced, not only switched on */
  g_assert_cmpint (sqlite3_exec (reads, "SELECT 1 FROM pragma_foreign_key_check LIMIT 1", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(HeraldRecipient) orphan = herald_recipient_new ();
    g_autofree char *nowhere = g_uuid_string_random ();
    g_autoptr(GError) error = NULL;

    herald_recipient_set_campaign_id (orphan, nowhere);
    herald_recipient_set_address (orphan, "niemand@example.org");
    g_assert_false (herald_store_save_full (f->store, HERALD_RECORD (orphan), HERALD_STORE_ORIGIN_REMOTE, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
  }
}

/* An empty file (what a crashed first start or `touch` leaves) becomes a
 * new store rather than an error. */
static void
test_empty_file (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  HeraldStore *store;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (herald_store_get_schema_version (store), ==, herald_store_get_latest_schema_version ());
  g_assert_true (herald_store_is_empty (store));
  herald_campaign_set_name (c, "Aus dem Nichts");
  g_assert_true (herald_store_save (store, HERALD_RECORD (c), &error));
  g_assert_finalize_object (store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  /* and opens again with its data */
  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (herald_store_is_empty (store));
  g_assert_finalize_object (store);
  assert_integrity (path);
  herald_test_store_dir_remove (dir);
}

static void
test_corrupt_file (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *garbage = "This is a shopping list, not a database.\n";
  HeraldStore *store;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = herald_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CORRUPT);
  after = file_contents (path);
  g_assert_cmpstr (after, ==, garbage);
  herald_test_store_dir_remove (dir);
}

static void
test_damaged_database (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GMappedFile) map = NULL;
  char *contents;
  gsize len;
  HeraldStore *store;

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  /* keep the header, scribble over the schema page */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0xAB, 3000);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  before = g_bytes_new_take (contents, len);

  store = herald_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  after = g_bytes_new_take (contents, len);
  g_assert_true (g_bytes_equal (before, after));
  herald_test_store_dir_remove (dir);
}

static void
test_foreign_database (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (herald_store_open (path, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CORRUPT);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT name FROM recipes", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  herald_test_store_dir_remove (dir);
}

static void
test_newer_schema (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = NULL;
  HeraldStore *store;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA user_version = %d", herald_store_get_latest_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (herald_store_open (path, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NEWER_SCHEMA);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, herald_store_get_latest_schema_version () + 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  herald_test_store_dir_remove (dir);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names and sizes of the files in @dir, sorted. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_ptr_array_add (names, g_strdup_printf ("%s:%" G_GINT64_FORMAT, name, (gint64) st.st_size));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_locked_file (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  char *contents;
  gsize len;
  HeraldStore *store;
  sqlite3 *db;

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* another program holds the file exclusively */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                     "INSERT INTO store_meta VALUES ('k', 'v');", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  before = g_bytes_new_take (contents, len);
  files_before = dir_listing (dir);
  g_assert_null (herald_store_open (path, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* the refused open wrote nothing, beside the file either */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  after = g_bytes_new_take (contents, len);
  g_assert_true (g_bytes_equal (before, after));
  files_after = dir_listing (dir);
  g_assert_cmpstr (files_after, ==, files_before);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  herald_test_store_dir_remove (dir);
}

/* In the child: the last recipient of the batch is being saved, so the
 * transaction holds every other row; tell the parent and wait for the
 * signal. */
static void
block_in_transaction_cb (GObject    *record,
                         GParamSpec *pspec,
                         gpointer    data)
{
  int fd = GPOINTER_TO_INT (data);

  if (write (fd, "m", 1) != 1)
    _exit (3);
  for (;;)
    pause ();
}

/* Whether another connection is writing to @path (the write lock is held). */
static gboolean
write_locked (const char *path)
{
  sqlite3 *db;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_BUSY;
}

/* A child process killed with SIGKILL inside a large transaction (every
 * row but one written, megabytes of it spilled to the WAL) leaves nothing
 * of it: no row, no outbox entry, and an intact file. */
static void
test_killed_mid_transaction (void)
{
  g_autofree char *dir = herald_test_store_dir_new ();
  g_autofree char *path = g_build_filename (dir, "herald.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  const guint n = 20000;
  HeraldStore *store;
  int fds[2];
  pid_t pid;
  char byte;
  int status;
  gint64 count;
  GStatBuf st;

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  herald_campaign_set_name (c, "Großversand");
  g_assert_true (herald_store_save (store, HERALD_RECORD (c), &error));
  g_assert_finalize_object (store);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      HeraldStore *child_store = herald_store_open (path, NULL);

      close (fds[0]);
      if (child_store == NULL)
        _exit (2);
      /* a small page cache spills the uncommitted pages to the WAL long
       * before the commit, as a big transaction does with the real one */
      if (sqlite3_exec (herald_store_get_write_handle (child_store), "PRAGMA cache_size = 100", NULL, NULL, NULL)
          != SQLITE_OK)
        _exit (2);
      for (guint i = 0; i < n; i++)
        {
          HeraldRecipient *r = herald_recipient_new ();
          char addr[64];

          g_snprintf (addr, sizeof addr, "r%06u@example.org", i);
          herald_recipient_set_campaign_id (r, herald_record_get_id (HERALD_RECORD (c)));
          herald_recipient_set_address (r, addr);
          g_ptr_array_add (batch, r);
        }
      /* a local save gives each record its version inside the
       * transaction: the last one's stops the child there */
      g_signal_connect (g_ptr_array_index (batch, n - 1), "notify::version",
                        G_CALLBACK (block_in_transaction_cb), GINT_TO_POINTER (fds[1]));
      herald_store_save_many (child_store, batch, HERALD_STORE_ORIGIN_LOCAL, NULL);
      _exit (0);   /* not reached */
    }
  close (fds[1]);
  /* the marker: the child is inside the transaction */
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  g_assert_cmpint (byte, ==, 'm');
  close (fds[0]);
  g_assert_true (write_locked (path));
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_test_message ("WAL with the uncommitted transaction: %" G_GINT64_FORMAT " bytes", (gint64) st.st_size);
  g_assert_cmpint (st.st_size, >, 1024 * 1024);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_false (write_locked (path));

  store = herald_store_open (path, &error);
  g_assert_no_error (error);
  count = herald_store_count_recipients (store, herald_record_get_id (HERALD_RECORD (c)), -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 0);
  g_assert_cmpint (herald_store_count_outbox (store, NULL), ==, 1);   /* the campaign's create */
  g_assert_finalize_object (store);
  assert_integrity (path);
  herald_test_store_dir_remove (dir);
}

static void
test_queue_command (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  HeraldOutboxEntry *last;

  herald_campaign_set_name (c, "Command test");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);

  json_object_set_string_member (args, "variant", "B");
  g_assert_true (herald_store_queue_command (f->store, HERALD_RECORD (c), "send_winner", args, &error));
  g_assert_no_error (error);
  g_assert_true (herald_store_queue_command (f->store, HERALD_RECORD (c), "test", NULL, &error));
  g_assert_no_error (error);

  /* Commands come after the create, in order, and never fold into it. */
  entries = herald_store_list_outbox (f->store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((HeraldOutboxEntry *) entries->pdata[0])->op, ==, "create");
  g_assert_cmpstr (((HeraldOutboxEntry *) entries->pdata[1])->op, ==, "send_winner");
  g_assert_cmpstr (((HeraldOutboxEntry *) entries->pdata[1])->patch, ==, "{\"variant\":\"B\"}");
  last = entries->pdata[2];
  g_assert_cmpstr (last->op, ==, "test");
  g_assert_cmpstr (last->patch, ==, "{}");
  g_assert_cmpstr (last->entity, ==, "campaign");
  g_assert_cmpstr (last->entity_id, ==, herald_record_get_id (HERALD_RECORD (c)));
  g_assert_true (herald_uuid_is_valid (last->idempotency_key));
}

static GPtrArray *
outbox_of (Fixture    *f,
           const char *id)
{
  g_autoptr(GPtrArray) all = herald_store_list_outbox (f->store, 1000, NULL);
  GPtrArray *mine = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_outbox_entry_free);

  for (guint i = 0; i < all->len; i++)
    {
      HeraldOutboxEntry *e = all->pdata[i];

      if (g_strcmp0 (e->entity_id, id) == 0)
        g_ptr_array_add (mine, g_steal_pointer (&all->pdata[i]));
    }
  return mine;
}

/* Undo points: a transition undone leaves the record and its outbox rows
 * exactly as they were; once sync has tried the command, or the record
 * changed again, nothing is touched. */
static void
test_undo_point (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) running = herald_campaign_new ();
  g_autoptr(HeraldCampaign) draft = NULL;
  g_autoptr(HeraldCampaign) before = NULL;
  g_autoptr(HeraldCampaign) now = NULL;
  g_autoptr(HeraldStoreUndoPoint) point = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2099, 5, 1, 9, 30, 0);
  g_autofree char *create_patch = NULL;
  g_autofree char *id = NULL;
  guint n_changed = 0;

  /* a campaign the server has (synced, nothing queued), paused */
  herald_campaign_set_name (running, "Läuft");
  herald_campaign_set_status (running, HERALD_CAMPAIGN_STATUS_RUNNING);
  g_assert_true (herald_store_save_full (f->store, HERALD_RECORD (running), HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  id = g_strdup (herald_record_get_id (HERALD_RECORD (running)));
  before = herald_store_get_campaign (f->store, id, &error);
  g_assert_no_error (error);
  point = herald_store_undo_point_new (f->store, HERALD_RECORD (before), &error);
  g_assert_no_error (error);
  g_assert_true (herald_store_transition_campaign (f->store, running, HERALD_CAMPAIGN_STATUS_PAUSED, &error));
  g_assert_no_error (error);
  rows = outbox_of (f, id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((HeraldOutboxEntry *) rows->pdata[0])->op, ==, "pause");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_signal_connect (f->store, "record-changed", G_CALLBACK (record_changed_cb), &n_changed);
  g_assert_true (herald_store_undo_point_restore (f->store, point, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  now = herald_store_get_campaign (f->store, id, &error);
  g_assert_true (herald_record_equal (HERALD_RECORD (now), HERALD_RECORD (before)));
  g_assert_cmpint (herald_record_get_sync_state (HERALD_RECORD (now)), ==, HERALD_SYNC_STATE_SYNCED);
  rows = outbox_of (f, id);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&point, herald_store_undo_point_free);
  g_clear_object (&now);

  /* a local draft: scheduling folds scheduled_at into its pending create */
  draft = make_campaign (f, "Entwurf");
  g_clear_object (&before);
  before = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (draft)), &error);
  rows = outbox_of (f, herald_record_get_id (HERALD_RECORD (draft)));
  g_assert_cmpuint (rows->len, ==, 1);
  create_patch = g_strdup (((HeraldOutboxEntry *) rows->pdata[0])->patch);
  g_clear_pointer (&rows, g_ptr_array_unref);
  point = herald_store_undo_point_new (f->store, HERALD_RECORD (before), &error);
  g_assert_no_error (error);
  herald_campaign_set_scheduled_at (draft, when);
  g_assert_true (herald_store_transition_campaign (f->store, draft, HERALD_CAMPAIGN_STATUS_SCHEDULED, &error));
  g_assert_no_error (error);
  rows = outbox_of (f, herald_record_get_id (HERALD_RECORD (draft)));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((HeraldOutboxEntry *) rows->pdata[0])->op, ==, "create");
  g_assert_cmpstr (((HeraldOutboxEntry *) rows->pdata[0])->patch, !=, create_patch);
  g_assert_cmpstr (((HeraldOutboxEntry *) rows->pdata[1])->op, ==, "schedule");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (herald_store_undo_point_restore (f->store, point, &error));
  g_assert_no_error (error);
  now = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (draft)), &error);
  g_assert_true (herald_record_equal (HERALD_RECORD (now), HERALD_RECORD (before)));
  g_assert_null (herald_campaign_get_scheduled_at (now));
  rows = outbox_of (f, herald_record_get_id (HERALD_RECORD (draft)));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((HeraldOutboxEntry *) rows->pdata[0])->op, ==, "create");
  g_assert_cmpstr (((HeraldOutboxEntry *) rows->pdata[0])->patch, ==, create_patch);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&point, herald_store_undo_point_free);
  g_clear_object (&now);

  /* sync already tried the command: nothing is undone */
  g_clear_object (&before);
  before = herald_store_get_campaign (f->store, id, &error);
  point = herald_store_undo_point_new (f->store, HERALD_RECORD (before), &error);
  g_assert_no_error (error);
  g_clear_object (&running);
  running = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (before)));
  g_assert_true (herald_store_transition_campaign (f->store, running, HERALD_CAMPAIGN_STATUS_PAUSED, &error));
  g_assert_no_error (error);
  rows = outbox_of (f, id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (herald_store_mark_outbox_attempt (f->store, ((HeraldOutboxEntry *) rows->pdata[0])->seq,
                                                   NULL, FALSE, NULL, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_false (herald_store_undo_point_restore (f->store, point, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  now = herald_store_get_campaign (f->store, id, &error);
  g_assert_cmpint (herald_campaign_get_status (now), ==, HERALD_CAMPAIGN_STATUS_PAUSED);
  rows = outbox_of (f, id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&point, herald_store_undo_point_free);
  g_clear_object (&now);

  /* changed again after the change: nothing is undone */
  g_clear_object (&before);
  before = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (draft)), &error);
  point = herald_store_undo_point_new (f->store, HERALD_RECORD (before), &error);
  g_assert_no_error (error);
  g_clear_object (&draft);
  draft = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (before)));
  herald_campaign_set_description (draft, "first");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (draft), &error));
  herald_campaign_set_description (draft, "second");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (draft), &error));
  g_assert_false (herald_store_undo_point_restore (f->store, point, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  now = herald_store_get_campaign (f->store, herald_record_get_id (HERALD_RECORD (draft)), &error);
  g_assert_cmpstr (herald_campaign_get_description (now), ==, "second");
  g_signal_handlers_disconnect_by_data (f->store, &n_changed);
}

static HeraldVariant *
make_variant (Fixture        *f,
              HeraldCampaign *campaign,
              const char     *name,
              gboolean        is_winner)
{
  g_autoptr(GError) error = NULL;
  HeraldVariant *v = herald_variant_new ();

  herald_variant_set_campaign_id (v, herald_record_get_id (HERALD_RECORD (campaign)));
  herald_variant_set_variant_name (v, name);
  herald_variant_set_is_winner (v, is_winner);
  g_assert_true (herald_store_save_full (f->store, HERALD_RECORD (v), HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  return v;
}

static gboolean
stored_is_winner (Fixture       *f,
                  HeraldVariant *v)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldVariant) stored = herald_store_get_variant (f->store, herald_record_get_id (HERALD_RECORD (v)), &error);

  g_assert_no_error (error);
  return herald_variant_get_is_winner (stored);
}

static void
exec_on_file (Fixture    *f,
              const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Marking the winner and queuing "send_winner" are one transaction. */
static void
test_choose_winner (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = make_campaign (f, "A/B-Test");
  g_autoptr(HeraldCampaign) other = make_campaign (f, "Anderer Test");
  g_autoptr(HeraldVariant) a = make_variant (f, c, "A", TRUE);
  g_autoptr(HeraldVariant) b = make_variant (f, c, "B", FALSE);
  g_autoptr(HeraldVariant) stranger = make_variant (f, other, "B", FALSE);
  g_autoptr(GPtrArray) entries = NULL;
  gint64 before = outbox_count (f);
  guint n_changed = 0;
  HeraldOutboxEntry *e;

  g_signal_connect (f->store, "record-changed", G_CALLBACK (record_changed_cb), &n_changed);

  /* The command cannot be queued (a trigger refuses it): the variants
   * stay as they were, and no update of them reaches the outbox. */
  exec_on_file (f, "CREATE TRIGGER refuse_send_winner BEFORE INSERT ON outbox "
                   "WHEN NEW.op = 'send_winner' BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (herald_store_choose_winner (f->store, c, b, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (stored_is_winner (f, a));
  g_assert_false (stored_is_winner (f, b));
  g_assert_cmpint (outbox_count (f), ==, before);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_changed, ==, 0);
  exec_on_file (f, "DROP TRIGGER refuse_send_winner");

  /* A variant of another campaign cannot win this one. */
  g_assert_false (herald_store_choose_winner (f->store, c, stranger, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (stored_is_winner (f, a));
  g_assert_cmpint (outbox_count (f), ==, before);

  /* Now all of it: the loser's update, the winner's, then the command. */
  g_assert_true (herald_store_choose_winner (f->store, c, b, &error));
  g_assert_no_error (error);
  g_assert_false (stored_is_winner (f, a));
  g_assert_true (stored_is_winner (f, b));
  g_assert_false (stored_is_winner (f, stranger));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (outbox_count (f), ==, before + 3);
  entries = herald_store_list_outbox (f->store, 100, &error);
  g_assert_no_error (error);
  e = entries->pdata[before];
  g_assert_cmpstr (e->entity, ==, "variant");
  g_assert_cmpstr (e->entity_id, ==, herald_record_get_id (HERALD_RECORD (a)));
  g_assert_cmpstr (e->op, ==, "update");
  g_assert_cmpstr (e->patch, ==, "{\"is_winner\":false}");
  e = entries->pdata[before + 1];
  g_assert_cmpstr (e->entity_id, ==, herald_record_get_id (HERALD_RECORD (b)));
  g_assert_cmpstr (e->patch, ==, "{\"is_winner\":true}");
  e = entries->pdata[before + 2];
  g_assert_cmpstr (e->entity, ==, "campaign");
  g_assert_cmpstr (e->entity_id, ==, herald_record_get_id (HERALD_RECORD (c)));
  g_assert_cmpstr (e->op, ==, "send_winner");
  {
    g_autofree char *expected = g_strdup_printf ("{\"variant_id\":\"%s\",\"variant\":\"B\"}",
                                                 herald_record_get_id (HERALD_RECORD (b)));

    g_assert_cmpstr (e->patch, ==, expected);
  }
  g_signal_handlers_disconnect_by_data (f->store, &n_changed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/herald/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open-new", test_open_new);
  ADD ("undo-point", test_undo_point);
  ADD ("round-trip", test_round_trip);
  ADD ("local-save", test_local_save);
  ADD ("delete-unsynced", test_delete_unsynced);
  ADD ("outbox-atomic", test_outbox_atomic);
  ADD ("validation", test_validation_on_save);
  ADD ("lifecycle", test_lifecycle);
  ADD ("queries", test_queries);
  ADD ("updated-since", test_updated_since);
  ADD ("sort-order", test_sort_order);
  ADD ("sort-plans", test_sort_plans);
  ADD ("as-of-plans", test_as_of_plans);
  ADD ("templates-search", test_templates_search);
  ADD ("recipients-events-performance", test_recipients_events_performance);
  ADD ("recipient-counts", test_recipient_counts);
  ADD ("roi-no-value", test_roi_no_value);
  ADD ("async", test_async);
  ADD ("connection-settings", test_connection_settings);
  ADD ("demo", test_demo);
  g_test_add_func ("/herald/store/demo-in-the-past", test_demo_in_the_past);
  ADD ("sync-bookkeeping", test_sync_bookkeeping);
  ADD ("queue-command", test_queue_command);
  ADD ("choose-winner", test_choose_winner);
#undef ADD
  g_test_add_func ("/herald/store/migrate", test_migrate_from_each_version);
  g_test_add_func ("/herald/store/empty-file", test_empty_file);
  g_test_add_func ("/herald/store/corrupt-file", test_corrupt_file);
  g_test_add_func ("/herald/store/damaged-database", test_damaged_database);
  g_test_add_func ("/herald/store/foreign-database", test_foreign_database);
  g_test_add_func ("/herald/store/newer-schema", test_newer_schema);
  g_test_add_func ("/herald/store/locked-file", test_locked_file);
  g_test_add_func ("/herald/store/killed-mid-transaction", test_killed_mid_transaction);

  return g_test_run ();
}
