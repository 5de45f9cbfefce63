/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wizard-checks.c: the campaign wizard's GTK-free parts: time-zone
 * conversion, sample-size hint, cost estimate and the review checklist. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "herald.h"
#include "herald-test-store.h"

static void
assert_utc (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute,
            const char *expected)
{
  g_autoptr(GDateTime) utc = herald_wizard_local_to_utc (zone, year, month, day, hour, minute);
  g_autofree char *text = NULL;

  g_assert_nonnull (utc);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%MZ");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_time_zones (void)
{
  g_auto(GStrv) zones = herald_wizard_list_time_zones ();
  g_autofree char *local = herald_wizard_default_time_zone ();

  /* Winter (CET, +01:00) and summer (CEST, +02:00). */
  assert_utc ("Europe/Berlin", 2026, 12, 1, 9, 0, "2026-12-01T08:00Z");
  assert_utc ("Europe/Berlin", 2026, 7, 1, 9, 0, "2026-07-01T07:00Z");
  /* The day clocks go forward (29 March 2026, 02:00 → 03:00) and back
   * (25 October 2026, 03:00 → 02:00). */
  assert_utc ("Europe/Berlin", 2026, 3, 29, 1, 30, "2026-03-29T00:30Z");
  assert_utc ("Europe/Berlin", 2026, 3, 29, 3, 30, "2026-03-29T01:30Z");
  assert_utc ("Europe/Berlin", 2026, 10, 25, 4, 0, "2026-10-25T03:00Z");
  /* New York switches on 8 March 2026. */
  assert_utc ("America/New_York", 2026, 3, 7, 12, 0, "2026-03-07T17:00Z");
  assert_utc ("America/New_York", 2026, 3, 9, 12, 0, "2026-03-09T16:00Z");
  assert_utc ("UTC", 2026, 1, 1, 0, 0, "2026-01-01T00:00Z");

  /* 02:00 to 02:59 do not exist on those days; 02:30 on the day clocks go
   * back exists twice and is taken in standard time (CET), as GLib does. */
  g_assert_null (herald_wizard_local_to_utc ("Europe/Berlin", 2026, 3, 29, 2, 30));
  g_assert_null (herald_wizard_local_to_utc ("Europe/Berlin", 2027, 3, 28, 2, 30));
  g_assert_null (herald_wizard_local_to_utc ("Europe/Berlin", 2027, 3, 28, 2, 0));
  assert_utc ("Europe/Berlin", 2027, 3, 28, 3, 0, "2027-03-28T01:00Z");
  assert_utc ("Europe/Berlin", 2027, 3, 28, 1, 59, "2027-03-28T00:59Z");
  assert_utc ("Europe/Berlin", 2026, 10, 25, 2, 30, "2026-10-25T01:30Z");
  g_assert_null (herald_wizard_local_to_utc ("America/New_York", 2026, 3, 8, 2, 30));

  g_assert_null (herald_wizard_local_to_utc ("Mars/Olympus_Mons", 2026, 1, 1, 0, 0));
  g_assert_null (herald_wizard_local_to_utc ("Europe/Berlin", 2026, 2, 30, 9, 0));

  g_assert_true (g_strv_contains ((const char * const *) zones, "Europe/Berlin"));
  g_assert_true (g_strv_contains ((const char * const *) zones, "UTC"));
  for (guint i = 1; zones[i] != NULL; i++)
    g_assert_cmpint (strcmp (zones[i - 1], zones[i]), <, 0);
  g_assert_true (g_strv_contains ((const char * const *) zones, local));
}

static void
test_currencies (void)
{
  g_auto(GStrv) codes = herald_wizard_list_currencies ();

  g_assert_true (g_strv_contains ((const char * const *) codes, "EUR"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "USD"));
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_true (herald_is_valid_currency (codes[i]));
}

/* The published worked examples behind the sample-size hint:
 *
 * - JMP 13.2 documentation, "Two Sample Proportions" (sample size and
 *   power): proportions 0.08 and 0.06, alpha 0.05 two-sided, power 0.8
 *   → 2554 per group.  JMP uses the formula without continuity
 *   correction, like herald-stats.
 * - Zar, Biostatistical Analysis (4th ed., 1999), Example 24.26, as
 *   reproduced by UNISTAT's manual (6.7.6.1): 0.45 and 0.25, alpha 0.05
 *   two-sided, power 0.9 → 127.2343 per group, which is the same formula
 *   with Fleiss' continuity correction n' = n/4 (1 + √(1 + 4/(n·|Δ|)))².
 *
 * The hint inverts the formula: with 2554 per group and a 6 % baseline, the
 * detectable difference is 2 points (tolerance 0.01 points: n is rounded up,
 * so the exact inverse is a hair below 0.02). */
static void
test_sample_size_published (void)
{
  double difference = 0;
  double n, corrected;
  g_autofree char *hint = NULL;

  g_assert_cmpuint (herald_stats_sample_size (0.06, 0.08, 0.05, 0.8), ==, 2554);

  n = herald_stats_sample_size_exact (0.45, 0.25, 0.05, 0.9);
  corrected = n / 4.0 * pow (1.0 + sqrt (1.0 + 4.0 / (n * 0.20)), 2);
  g_assert_cmpfloat_with_epsilon (corrected, 127.2343, 0.001);

  g_assert_true (herald_stats_minimum_detectable_difference (2554, 0.06, 0.05, 0.8, &difference));
  g_assert_cmpfloat_with_epsilon (difference, 0.02, 0.0001);

  /* 10 % of 51,080 split into two variants is 2554 each. */
  hint = herald_wizard_sample_size_hint (51080, 10, 2, HERALD_WINNER_METRIC_CLICK_RATE, 0.06, 0.95);
  g_assert_cmpstr (hint, ==, "With 10 % of 51080 and a baseline click rate of 6.0 %, a difference of 2.0 points can be detected at 95 % confidence.");
}

static void
test_sample_size_hint (void)
{
  g_autofree char *open = herald_wizard_sample_size_hint (20000, 10, 2, HERALD_WINNER_METRIC_OPEN_RATE, 0.20, 0.95);
  g_autofree char *more = herald_wizard_sample_size_hint (20000, 10, 4, HERALD_WINNER_METRIC_OPEN_RATE, 0.20, 0.95);
  g_autofree char *tiny = herald_wizard_sample_size_hint (10, 10, 2, HERALD_WINNER_METRIC_OPEN_RATE, 0.20, 0.95);
  double d1000 = 0, d500 = 0;

  /* The example, 10 % of 20,000 in two variants: 1000 per group
   * at a 20 % baseline, two-sided 95 %, 80 % power.  The formula gives
   * 5.24 points, not the 3 of the sentence: 3 points (20 % → 23 %)
   * need 2943 per group (computed independently with Python's
   * statistics.NormalDist: n = 2942.59). */
  g_assert_true (herald_stats_minimum_detectable_difference (1000, 0.20, 0.05, 0.8, &d1000));
  g_assert_cmpfloat_with_epsilon (d1000, 0.05239, 0.00005);
  g_assert_cmpuint (herald_stats_sample_size (0.20, 0.23, 0.05, 0.8), ==, 2943);
  g_assert_true (herald_stats_minimum_detectable_difference (500, 0.20, 0.05, 0.8, &d500));
  g_assert_cmpfloat (d500, >, d1000);
  g_assert_cmpstr (open, ==, "With 10 % of 20000 and a baseline open rate of 20 %, a difference of 5.2 points can be detected at 95 % confidence.");
  g_assert_cmpstr (open, !=, more);
  g_assert_nonnull (strstr (tiny, "too few recipients"));
}

static void
test_cost (void)
{
  g_autoptr(HeraldCampaign) campaign = herald_campaign_new ();
  g_autoptr(HeraldTemplate) sms = herald_template_new ();
  g_autofree char *long_text = g_strnfill (200, 'a');

  g_assert_cmpint (herald_wizard_estimate_cost (1000, 1, 8), ==, 8000);
  g_assert_cmpint (herald_wizard_estimate_cost (1000, 2, 8), ==, 16000);
  g_assert_cmpint (herald_wizard_estimate_cost (0, 1, 8), ==, 0);
  g_assert_cmpint (herald_wizard_estimate_cost (G_MAXINT64 / 2, 3, 1000), ==, G_MAXINT64);

  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_SMS);
  herald_template_set_template_type (sms, HERALD_TEMPLATE_TYPE_SMS);
  herald_template_set_body_text (sms, "Short");
  g_assert_cmpuint (herald_wizard_message_parts (campaign, sms), ==, 1);
  herald_template_set_body_text (sms, long_text);
  g_assert_cmpuint (herald_wizard_message_parts (campaign, sms), ==, 2);
  g_assert_cmpuint (herald_wizard_message_parts (campaign, NULL), ==, 1);
}

typedef struct {
  char        *dir;
  HeraldStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = herald_test_store_dir_new ();
  path = g_build_filename (f->dir, "herald.db", NULL);
  f->store = herald_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  herald_test_store_dir_remove (f->dir);
  g_free (f->dir);
}

static void
add_contact (HeraldStore *store,
             const char  *name,
             const char  *email,
             const char  *phone,
             const char  *attributes,
             gboolean     unsubscribed)
{
  g_autoptr(HeraldContact) contact = herald_contact_new ();
  g_autoptr(GError) error = NULL;

  herald_contact_set_name (contact, name);
  herald_contact_set_email (contact, email);
  herald_contact_set_phone (contact, phone);
  herald_contact_set_attributes (contact, attributes);
  herald_contact_set_unsubscribed (contact, unsubscribed);
  herald_store_save (store, HERALD_RECORD (contact), &error);
  g_assert_no_error (error);
}

static void
test_reachable (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (herald_wizard_count_reachable (f->store, HERALD_CAMPAIGN_TYPE_EMAIL, 5, &samples, &error), ==, 0);
  g_assert_cmpuint (samples->len, ==, 0);
  g_clear_pointer (&samples, g_ptr_array_unref);
  add_contact (f->store, "Anna Schmidt", "anna@example.org", "", "{}", FALSE);
  add_contact (f->store, "Bernd", "", "+4915112345678", "{}", FALSE);
  add_contact (f->store, "Clara Weiß", "clara@example.org", "", "{}", TRUE);
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *email = g_strdup_printf ("p%d@example.org", i);
      add_contact (f->store, "Person", email, "", "{}", FALSE);
    }
  /* More than one page of contacts. */
  g_assert_cmpint (herald_wizard_count_reachable (f->store, HERALD_CAMPAIGN_TYPE_EMAIL, 5, &samples, &error), ==, 301);
  g_assert_no_error (error);
  /* The samples are reachable ones only, at most as many as asked for. */
  g_assert_cmpuint (samples->len, ==, 5);
  for (guint i = 0; i < samples->len; i++)
    {
      HeraldContact *contact = g_ptr_array_index (samples, i);

      g_assert_cmpstr (herald_contact_get_email (contact), !=, "");
      g_assert_false (herald_contact_get_unsubscribed (contact));
    }
  g_clear_pointer (&samples, g_ptr_array_unref);
  g_assert_cmpint (herald_wizard_count_reachable (f->store, HERALD_CAMPAIGN_TYPE_PUSH, 0, NULL, &error), ==, 302);
  g_assert_cmpint (herald_wizard_count_reachable (f->store, HERALD_CAMPAIGN_TYPE_SMS, 10, &samples, &error), ==, 1);
  g_assert_cmpuint (samples->len, ==, 1);
  g_assert_cmpstr (herald_contact_get_name (g_ptr_array_index (samples, 0)), ==, "Bernd");
}

static HeraldTemplate *
email_template (const char *subject,
                const char *html)
{
  HeraldTemplate *template_ = herald_template_new ();

  herald_template_set_name (template_, "Test");
  herald_template_set_template_type (template_, HERALD_TEMPLATE_TYPE_EMAIL);
  herald_template_set_subject (template_, subject);
  herald_template_set_body_html (template_, html);
  herald_template_set_body_text (template_, "Hello");
  herald_template_set_is_active (template_, TRUE);
  return template_;
}

static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = herald_campaign_new ();
  g_autoptr(HeraldTemplate) good = email_template ("News for {{ first_name }}",
                                                   "<p>Hi</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");
  g_autoptr(HeraldTemplate) bad = email_template ("",
                                                  "<p>Hi {{ first_name | default: \"friend\" }}, {{ coupon_code }}</p>"
                                                  "<a href=\"ftp://example.org/file\">File</a>"
                                                  "<img src=\"https://example.org/a.png\">");
  g_autoptr(HeraldTemplate) sms = herald_template_new ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  g_autoptr(GDateTime) past = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GDateTime) future = g_date_time_new_utc (2026, 12, 1, 8, 0, 0);
  g_autofree char *long_text = g_strnfill (200, 'a');
  HeraldWizardSubject variants[] = {
    { "A", "Subject A", NULL },
    { "B", "", "<p>{{ nope }}</p><a href=\"{{ unsubscribe_url }}\">x</a>" },
  };

  add_contact (f->store, "Anna Schmidt", "anna@example.org", "", "{}", FALSE);
  add_contact (f->store, "", "nameless@example.org", "", "{}", FALSE);
  add_contact (f->store, "", "gone@example.org", "", "{}", TRUE);

  herald_campaign_set_name (campaign, "Checks");
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_EMAIL);

  /* Nothing chosen yet. */
  checks = herald_wizard_check_campaign (f->store, campaign, NULL, NULL, 0, 0, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_SEGMENT), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_TEMPLATE), ==, 1);
  g_assert_true (herald_wizard_checks_blocking (checks));
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* A good campaign has no findings. */
  herald_campaign_set_segment_id (campaign, "0b4e7a9c-2f1d-4c3b-8a5e-6d7f8091a2b3");
  herald_campaign_set_scheduled_at (campaign, future);
  checks = herald_wizard_check_campaign (f->store, campaign, good, NULL, 0, 0, now);
  for (guint i = 0; i < checks->len; i++)
    g_test_message ("unexpected: %s", ((HeraldWizardCheck *) g_ptr_array_index (checks, i))->message);
  g_assert_cmpuint (checks->len, ==, 0);
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* The crafted bad one: every content problem at once. */
  herald_campaign_set_scheduled_at (campaign, past);
  herald_campaign_set_budget (campaign, 100);
  herald_campaign_set_target_count (campaign, 1000);
  checks = herald_wizard_check_campaign (f->store, campaign, bad, NULL, 0, 8, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_SEGMENT), ==, 0);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_SUBJECT), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE), >=, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_UNSUBSCRIBE), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_LINK_NOT_HTTP), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_IMAGE_WITHOUT_ALT), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_SCHEDULE_PAST), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_BUDGET_EXCEEDED), ==, 1);
  /* first_name falls back for the one reachable contact without a name
   * (the unsubscribed one does not count). */
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_FALLBACK), ==, 1);
  for (guint i = 0; i < checks->len; i++)
    {
      HeraldWizardCheck *check = g_ptr_array_index (checks, i);

      if (g_str_equal (check->code, HERALD_WIZARD_CHECK_FALLBACK))
        {
          g_assert_nonnull (strstr (check->message, "first_name"));
          g_assert_nonnull (strstr (check->message, " 1 contact,"));
        }
      if (g_str_equal (check->code, HERALD_WIZARD_CHECK_SCHEDULE_PAST))
        g_assert_cmpint (check->step, ==, HERALD_WIZARD_STEP_SCHEDULE);
    }
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* Variants sharing the template's body report its findings once. */
  {
    HeraldWizardSubject shared[] = { { "A", "One", NULL }, { "B", "Two", NULL } };

    checks = herald_wizard_check_campaign (f->store, campaign, bad, shared, G_N_ELEMENTS (shared), 0, now);
    g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_LINK_NOT_HTTP), ==, 1);
    g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_IMAGE_WITHOUT_ALT), ==, 1);
    g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_SUBJECT), ==, 0);
    g_clear_pointer (&checks, g_ptr_array_unref);
  }

  /* A/B variants are checked each: B has no subject and an unknown variable. */
  herald_campaign_set_scheduled_at (campaign, future);
  herald_campaign_set_budget (campaign, 0);
  checks = herald_wizard_check_campaign (f->store, campaign, good, variants, G_N_ELEMENTS (variants), 0, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_MISSING_SUBJECT), ==, 1);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE), ==, 1);
  g_assert_nonnull (strstr (((HeraldWizardCheck *) g_ptr_array_index (checks, 0))->message, "B"));
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* SMS: longer than one segment, and a template of the wrong type. */
  herald_template_set_name (sms, "SMS");
  herald_template_set_template_type (sms, HERALD_TEMPLATE_TYPE_SMS);
  herald_template_set_body_text (sms, long_text);
  checks = herald_wizard_check_campaign (f->store, campaign, sms, NULL, 0, 8, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_TEMPLATE_TYPE), ==, 1);
  g_clear_pointer (&checks, g_ptr_array_unref);
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_SMS);
  checks = herald_wizard_check_campaign (f->store, campaign, sms, NULL, 0, 8, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_TEMPLATE_TYPE), ==, 0);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_SMS_SEGMENTS), ==, 1);
  g_assert_nonnull (strstr (((HeraldWizardCheck *) g_ptr_array_index (checks, 0))->message, "2 parts"));
  g_assert_false (herald_wizard_checks_blocking (checks));
}

/* "Synced 2 hours ago" is the store's last sync, and only for a segment as
 * the CRM has it; never the segment's own updated-at. */
static void
test_segment_sync (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeraldSegment) segment = herald_segment_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  g_autoptr(GDateTime) synced = g_date_time_new_utc (2026, 11, 25, 10, 0, 0);
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autofree char *text = NULL;

  herald_segment_set_name (segment, "Newsletter");
  herald_segment_set_contact_count (segment, 1234);
  /* Updated moments ago, which says nothing about the count. */
  herald_record_set_updated_at (HERALD_RECORD (segment), now);

  /* Never synced. */
  g_assert_null (herald_wizard_dup_last_sync (f->store));
  herald_record_set_sync_state (HERALD_RECORD (segment), HERALD_SYNC_STATE_SYNCED);
  text = herald_wizard_segment_subtitle (segment, NULL, now);
  g_assert_cmpstr (text, ==, "1234 contacts · not synced yet");
  g_clear_pointer (&text, g_free);

  /* Synced two hours ago. */
  g_assert_true (herald_store_set_meta (f->store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, "2026-11-25T10:00:00Z", NULL));
  stored = herald_wizard_dup_last_sync (f->store);
  g_assert_nonnull (stored);
  g_assert_true (g_date_time_equal (stored, synced));
  text = herald_wizard_segment_subtitle (segment, stored, now);
  g_assert_cmpstr (text, ==, "1234 contacts · synced 2 hours ago");
  g_clear_pointer (&text, g_free);
  /* The segment's own dates do not matter. */
  herald_record_set_updated_at (HERALD_RECORD (segment), long_ago);
  text = herald_wizard_segment_subtitle (segment, stored, now);
  g_assert_cmpstr (text, ==, "1234 contacts · synced 2 hours ago");
  g_clear_pointer (&text, g_free);

  /* Created or changed here since: its count is local. */
  herald_record_set_sync_state (HERALD_RECORD (segment), HERALD_SYNC_STATE_MODIFIED);
  text = herald_wizard_segment_subtitle (segment, stored, now);
  g_assert_cmpstr (text, ==, "1234 contacts · not synced yet");
  g_clear_pointer (&text, g_free);
  herald_segment_set_contact_count (segment, 1);
  text = herald_wizard_segment_subtitle (segment, NULL, now);
  g_assert_cmpstr (text, ==, "1 contact · not synced yet");
}

/* "Send now" names every missing piece: the network, the CRM server. */
static void
test_send_now (void)
{
  g_autofree char *offline = herald_wizard_send_now_problem (FALSE, FALSE);
  g_autofree char *offline_crm = herald_wizard_send_now_problem (FALSE, TRUE);
  g_autofree char *online = herald_wizard_send_now_problem (TRUE, FALSE);
  g_autofree char *ready = herald_wizard_send_now_problem (TRUE, TRUE);

  g_assert_cmpstr (offline, ==, "Cannot send now: this computer is offline, and no CRM server is configured.");
  g_assert_cmpstr (offline_crm, ==, "Cannot send now: this computer is offline.");
  g_assert_cmpstr (online, ==, "Cannot send now: no CRM server is configured, and nothing leaves this computer without one.");
  g_assert_null (ready);
}

/* The preview renders as sending does: the contact's attributes, unknown
 * variables as nothing, the effective preheader, a variant's subject and
 * body. */
static void
test_render_preview (void)
{
  g_autoptr(HeraldCampaign) campaign = herald_campaign_new ();
  g_autoptr(HeraldTemplate) email = email_template ("Hi {{ first_name }}, since {{ customer_since }}",
                                                    "<p>{{ name }} &amp; {{ nope }}</p>");
  g_autoptr(HeraldTemplate) sms = herald_template_new ();
  g_autoptr(HeraldTemplate) push = herald_template_new ();
  g_autoptr(HeraldTemplate) broken = email_template ("{{ unclosed", "<p></p>");
  g_autoptr(HeraldContact) contact = herald_contact_new ();
  g_autoptr(HeraldWizardPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  HeraldWizardSubject variant = { "B", "B for {{ first_name }}", "<p>B body {{ customer_since }}</p>" };
  HeraldWizardSubject subject_only = { "A", "Only the subject", NULL };

  herald_contact_set_name (contact, "Anna <Schmidt>");
  herald_contact_set_email (contact, "anna@example.org");
  herald_contact_set_phone (contact, "+4915112345678");
  herald_contact_set_attributes (contact, "{\"customer_since\": 2021}");
  herald_template_set_preheader (email, "For {{ email }}");
  herald_template_set_body_text (email, "Hello {{ name }} {{ nope }}");
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_EMAIL);

  preview = herald_wizard_render_preview (campaign, email, NULL, contact, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->subject, ==, "Hi Anna, since 2021");
  g_assert_cmpstr (preview->preheader, ==, "For anna@example.org");
  /* HTML-escaped in the HTML part, raw in the text; unknown → nothing. */
  g_assert_cmpstr (preview->html, ==, "<p>Anna &lt;Schmidt&gt; &amp; </p>");
  g_assert_cmpstr (preview->text, ==, "Hello Anna <Schmidt> ");
  g_clear_pointer (&preview, herald_wizard_preview_free);

  /* The campaign's preheader wins; a variant brings subject and body. */
  herald_campaign_set_preheader (campaign, "Own preheader");
  preview = herald_wizard_render_preview (campaign, email, &variant, contact, &error);
  g_assert_cmpstr (preview->subject, ==, "B for Anna");
  g_assert_cmpstr (preview->preheader, ==, "Own preheader");
  g_assert_cmpstr (preview->html, ==, "<p>B body 2021</p>");
  g_assert_cmpstr (preview->text, ==, "Hello Anna <Schmidt> ");
  g_clear_pointer (&preview, herald_wizard_preview_free);
  preview = herald_wizard_render_preview (campaign, email, &subject_only, NULL, &error);
  g_assert_cmpstr (preview->subject, ==, "Only the subject");
  g_assert_cmpstr (preview->html, ==, "<p> &amp; </p>");
  g_clear_pointer (&preview, herald_wizard_preview_free);

  /* SMS: text only; push: title and body. */
  herald_template_set_template_type (sms, HERALD_TEMPLATE_TYPE_SMS);
  herald_template_set_body_text (sms, "Hi {{ first_name }}: {{ phone }}");
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_SMS);
  preview = herald_wizard_render_preview (campaign, sms, NULL, contact, &error);
  g_assert_null (preview->subject);
  g_assert_null (preview->html);
  g_assert_cmpstr (preview->text, ==, "Hi Anna: +4915112345678");
  g_clear_pointer (&preview, herald_wizard_preview_free);
  herald_template_set_template_type (push, HERALD_TEMPLATE_TYPE_PUSH);
  herald_template_set_subject (push, "{{ first_name }}!");
  herald_template_set_body_text (push, "Since {{ customer_since }}");
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_PUSH);
  preview = herald_wizard_render_preview (campaign, push, NULL, contact, &error);
  g_assert_cmpstr (preview->subject, ==, "Anna!");
  g_assert_cmpstr (preview->text, ==, "Since 2021");
  g_clear_pointer (&preview, herald_wizard_preview_free);

  /* A syntax error is an error, as it would be when sending. */
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_EMAIL);
  preview = herald_wizard_render_preview (campaign, broken, NULL, contact, &error);
  g_assert_null (preview);
  g_assert_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_UNTERMINATED_TAG);
}

/* The preheader sent is the campaign's, or the template's when the
 * campaign has none; the checklist lints that one. */
static void
test_preheader (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = herald_campaign_new ();
  g_autoptr(HeraldTemplate) template_ = email_template ("News",
                                                        "<p>Hi</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  HeraldWizardSubject shared[] = { { "A", "One", NULL }, { "B", "Two", "<p>B</p><a href=\"{{ unsubscribe_url }}\">x</a>" } };

  herald_campaign_set_name (campaign, "Preheader");
  herald_campaign_set_campaign_type (campaign, HERALD_CAMPAIGN_TYPE_EMAIL);
  herald_campaign_set_segment_id (campaign, "0b4e7a9c-2f1d-4c3b-8a5e-6d7f8091a2b3");
  herald_template_set_preheader (template_, "Only for {{ nope_pre }}");

  g_assert_cmpstr (herald_wizard_effective_preheader (campaign, NULL), ==, "");
  g_assert_cmpstr (herald_wizard_effective_preheader (campaign, template_), ==, "Only for {{ nope_pre }}");
  checks = herald_wizard_check_campaign (f->store, campaign, template_, NULL, 0, 0, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE), ==, 1);
  g_assert_nonnull (strstr (((HeraldWizardCheck *) g_ptr_array_index (checks, 0))->message, "nope_pre"));
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* Two variants, one with a body of its own: the preheader is reported once. */
  checks = herald_wizard_check_campaign (f->store, campaign, template_, shared, G_N_ELEMENTS (shared), 0, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE), ==, 1);
  g_assert_null (strstr (((HeraldWizardCheck *) g_ptr_array_index (checks, 0))->message, "Variant"));
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* The campaign's own preheader wins. */
  herald_campaign_set_preheader (campaign, "For everyone");
  g_assert_cmpstr (herald_wizard_effective_preheader (campaign, template_), ==, "For everyone");
  checks = herald_wizard_check_campaign (f->store, campaign, template_, NULL, 0, 0, now);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/wizard/time-zones", test_time_zones);
  g_test_add_func ("/herald/wizard/currencies", test_currencies);
  g_test_add_func ("/herald/wizard/sample-size-published", test_sample_size_published);
  g_test_add_func ("/herald/wizard/sample-size-hint", test_sample_size_hint);
  g_test_add_func ("/herald/wizard/cost", test_cost);
  g_test_add_func ("/herald/wizard/render-preview", test_render_preview);
  g_test_add_func ("/herald/wizard/send-now", test_send_now);
  g_test_add ("/herald/wizard/reachable", Fixture, NULL, fixture_set_up, test_reachable, fixture_tear_down);
  g_test_add ("/herald/wizard/checklist", Fixture, NULL, fixture_set_up, test_checklist, fixture_tear_down);
  g_test_add ("/herald/wizard/preheader", Fixture, NULL, fixture_set_up, test_preheader, fixture_tear_down);
  g_test_add ("/herald/wizard/segment-sync", Fixture, NULL, fixture_set_up, test_segment_sync, fixture_tear_down);

  return g_test_run ();
}
