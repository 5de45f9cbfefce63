/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-demo.c: a realistic sample for `herald --demo` and "Load sample
 * data": segments, contacts, German and English templates, campaigns in
 * every status and type with recipients, events, A/B variants and 60 days
 * of performance.  The sample is stored as server data (synced), so that
 * it is never pushed to a CRM.  A fixed seed makes it the same each time,
 * relative to today. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-demo.h"
#include "herald-metrics.h"
#include "herald-model.h"
#include "herald-util.h"

#define N_DAYS 60

static const char * const first_names[] = {
  "Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Lena", "Paul", "Emily", "Oliver",
  "Charlotte", "Jack", "Mia", "Leon", "Hannah", "George", "Lea", "Finn", "Amelia", "Noah",
};

static const char * const last_names[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
  "Smith", "Jones", "Taylor", "Brown", "Hoffmann", "Schäfer", "Koch", "Wilson",
};

typedef struct
{
  const char           *name;
  const char           *description;
  HeraldCampaignType    type;
  HeraldCampaignStatus  status;
  int                   template_index;
  int                   segment_index;
  int                   started_days_ago;  /* -1: not started */
  int                   ran_days;          /* days with traffic */
  gint64                budget;            /* cents */
  int                   n_recipients;
  gboolean              ab_test;
} DemoCampaign;

static const DemoCampaign demo_campaigns[] = {
  { "Frühjahrs-Sale 2026", "Rabattaktion für Bestandskunden, 20 % auf alles.",
    HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_CAMPAIGN_STATUS_RUNNING, 2, 1, 60, 60, 500000, 1500, TRUE },
  { "Newsletter März", "Monatlicher Newsletter mit Produktneuheiten.",
    HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_CAMPAIGN_STATUS_COMPLETED, 0, 0, 45, 10, 80000, 800, FALSE },
  { "Welcome series (EN)", "Onboarding mails for new English-speaking subscribers.",
    HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_CAMPAIGN_STATUS_PAUSED, 1, 0, 30, 20, 120000, 400, FALSE },
  { "Sommer-Newsletter", "Entwurf für den Juni-Newsletter.",
    HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_CAMPAIGN_STATUS_DRAFT, 0, 0, -1, 0, 60000, 0, FALSE },
  { "Black Friday Vorankündigung", "Geplanter Teaser an VIP-Kunden.",
    HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_CAMPAIGN_STATUS_SCHEDULED, 2, 2, -1, 0, 250000, 0, FALSE },
  { "Gutschein per SMS", "10-Euro-Gutschein für inaktive Kunden.",
    HERALD_CAMPAIGN_TYPE_SMS, HERALD_CAMPAIGN_STATUS_COMPLETED, 3, 3, 50, 5, 40000, 600, FALSE },
  { "Appointment reminder", "SMS reminder for booked appointments.",
    HERALD_CAMPAIGN_TYPE_SMS, HERALD_CAMPAIGN_STATUS_RUNNING, 5, 1, 21, 21, 30000, 300, FALSE },
  { "Flash sale push", "Two-hour flash sale in the app.",
    HERALD_CAMPAIGN_TYPE_PUSH, HERALD_CAMPAIGN_STATUS_COMPLETED, 4, 2, 14, 2, 20000, 500, FALSE },
  { "App-Update Hinweis", "Abgebrochen: das Update wurde verschoben.",
    HERALD_CAMPAIGN_TYPE_PUSH, HERALD_CAMPAIGN_STATUS_CANCELLED, 4, 0, 7, 1, 10000, 100, FALSE },
  { "Instagram-Gewinnspiel", "Social-Media-Aktion mit Verlosung.",
    HERALD_CAMPAIGN_TYPE_SOCIAL, HERALD_CAMPAIGN_STATUS_RUNNING, 3, 0, 12, 12, 150000, 0, FALSE },
  { "LinkedIn employer branding", "Planned posts about the team.",
    HERALD_CAMPAIGN_TYPE_SOCIAL, HERALD_CAMPAIGN_STATUS_DRAFT, 5, 1, -1, 0, 50000, 0, FALSE },
  { "Kundenumfrage Herbst", "Wartet auf Freigabe.",
    HERALD_CAMPAIGN_TYPE_SMS, HERALD_CAMPAIGN_STATUS_SCHEDULED, 3, 1, -1, 0, 15000, 0, FALSE },
};

typedef struct
{
  const char         *name;
  HeraldTemplateType  type;
  const char         *locale;
  const char         *subject;
  const char         *body_html;
  const char         *body_text;
  const char         *variables;
} DemoTemplate;

static const DemoTemplate demo_templates[] = {
  { "Newsletter (Deutsch)", HERALD_TEMPLATE_TYPE_EMAIL, "de",
    "Neuigkeiten für Sie, {{first_name}}",
    "<h1>Hallo {{first_name}},</h1><p>hier sind die Neuheiten des Monats.</p>"
    "<p><a href=\"{{shop_url}}\">Jetzt entdecken</a></p><p>Viele Grüße<br>Ihr Team</p>",
    "Hallo {{first_name}},\n\nhier sind die Neuheiten des Monats: {{shop_url}}\n\nViele Grüße\nIhr Team",
    "{\"first_name\":\"Kundin\",\"shop_url\":\"https://shop.example.org\"}" },
  { "Welcome (English)", HERALD_TEMPLATE_TYPE_EMAIL, "en",
    "Welcome aboard, {{first_name}}!",
    "<h1>Welcome, {{first_name}}!</h1><p>Thanks for signing up. Here is what happens next.</p>"
    "<p><a href=\"{{account_url}}\">Open your account</a></p>",
    "Welcome, {{first_name}}!\n\nThanks for signing up: {{account_url}}",
    "{\"first_name\":\"friend\",\"account_url\":\"https://example.org/account\"}" },
  { "Sale-Ankündigung", HERALD_TEMPLATE_TYPE_EMAIL, "de",
    "{{discount}} % auf alles – nur bis Sonntag",
    "<h1>{{discount}} % Rabatt</h1><p>Liebe/r {{first_name}}, nur bis Sonntag gilt Ihr Code "
    "<strong>{{code}}</strong>.</p>",
    "{{discount}} % Rabatt bis Sonntag. Ihr Code: {{code}}",
    "{\"first_name\":\"Kundin\",\"discount\":\"20\",\"code\":\"FRUEHLING20\"}" },
  { "Gutschein-SMS", HERALD_TEMPLATE_TYPE_SMS, "de", "",
    "", "Hallo {{first_name}}, Ihr 10-€-Gutschein: {{code}}. Gültig bis {{valid_until}}. Abmelden: STOP",
    "{\"first_name\":\"Kundin\",\"code\":\"WIEDER10\",\"valid_until\":\"30.11.2027\"}" },
  { "Flash sale push", HERALD_TEMPLATE_TYPE_PUSH, "en", "Flash sale!",
    "", "Two hours only: {{discount}}% off everything in the app.",
    "{\"discount\":\"30\"}" },
  { "Reminder SMS", HERALD_TEMPLATE_TYPE_SMS, "en", "",
    "", "Hi {{first_name}}, a reminder of your appointment on {{date}}. Reply C to cancel.",
    "{\"first_name\":\"there\",\"date\":\"Monday\"}" },
};

static const struct { const char *name; const char *description; } demo_segments[] = {
  { "Newsletter-Abonnenten", "Alle Kontakte mit Newsletter-Einwilligung" },
  { "Bestandskunden", "Mindestens ein Kauf in den letzten 12 Monaten" },
  { "VIP customers", "Top 5 % by revenue" },
  { "Inaktive Kunden (90 Tage)", "Kein Kauf und keine Öffnung seit 90 Tagen" },
};

static GDateTime *
day_start (GDateTime *now,
           int        days_ago)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);

  return g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day), 0, 0, 0);
}

static char *
date_string (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%d");
}

/**
 * herald_demo_fill:
 * @store: an empty store
 * @error: return location for an error
 *
 * Fills @store with the sample in one transaction.  Refuses a store that
 * already holds campaigns, templates, contacts or segments.
 *
 * Returns: whether the sample was stored
 */
gboolean
herald_demo_fill (HeraldStore  *store,
                  GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return herald_demo_fill_at (store, now, error);
}

/**
 * herald_demo_fill_at:
 * @store: an empty store
 * @made_at: the time the sample is made at: every event, send, open and
 *   click of it lies before @made_at, and scheduled campaigns after it
 * @error: return location for an error
 *
 * herald_demo_fill() as if it were @made_at, for tests (the sample's traffic
 * must end before it at any time of the day).
 *
 * Returns: whether the sample was stored
 */
gboolean
herald_demo_fill_at (HeraldStore  *store,
                     GDateTime    *made_at,
                     GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);
  g_autoptr(GDateTime) now = g_date_time_to_utc (made_at);
  g_autoptr(GDateTime) today = day_start (now, 0);
  /* The last send: its events follow it by up to 342 minutes. */
  g_autoptr(GDateTime) last_send = g_date_time_add_hours (now, -6);

  g_return_val_if_fail (HERALD_IS_STORE (store), FALSE);
  g_return_val_if_fail (made_at != NULL, FALSE);

  if (!herald_store_is_empty (store))
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED,
                   _("Sample data can only be loaded into an empty database."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_segments); i++)
    {
      HeraldSegment *s = herald_segment_new ();

      herald_segment_set_name (s, demo_segments[i].name);
      herald_segment_set_description (s, demo_segments[i].description);
      herald_segment_set_contact_count (s, g_rand_int_range (rand, 800, 12000));
      g_ptr_array_add (segments, s);
      g_ptr_array_add (records, s);
    }

  for (guint i = 0; i < 40; i++)
    {
      HeraldContact *c = herald_contact_new ();
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(i * 7) % G_N_ELEMENTS (last_names)];
      gboolean english = g_str_equal (last, "Smith") || g_str_equal (last, "Jones")
                         || g_str_equal (last, "Taylor") || g_str_equal (last, "Brown")
                         || g_str_equal (last, "Wilson");
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *local = g_utf8_strdown (first, -1);
      g_autofree char *email = g_strdup_printf ("%s.%u@%s", local, i, english ? "example.co.uk" : "example.de");
      g_autofree char *phone = g_strdup_printf (english ? "+4477009%05u" : "+491701%06u", 1000 + i * 37);

      herald_contact_set_name (c, name);
      herald_contact_set_email (c, email);
      herald_contact_set_phone (c, phone);
      herald_contact_set_locale (c, english ? "en_GB" : "de_DE");
      herald_contact_set_time_zone (c, english ? "Europe/London" : "Europe/Berlin");
      herald_contact_set_attributes (c, i % 3 ? "{\"customer_since\":2021}" : "{\"vip\":true}");
      herald_contact_set_consent (c, i % 9 != 0);
      herald_contact_set_unsubscribed (c, i % 13 == 5);
      g_ptr_array_add (contacts, c);
      g_ptr_array_add (records, c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_templates); i++)
    {
      const DemoTemplate *d = &demo_templates[i];
      HeraldTemplate *t = herald_template_new ();

      herald_template_set_name (t, d->name);
      herald_template_set_template_type (t, d->type);
      herald_template_set_locale (t, d->locale);
      herald_template_set_subject (t, d->subject);
      herald_template_set_body_html (t, d->body_html);
      herald_template_set_body_text (t, d->body_text);
      herald_template_set_variables (t, d->variables);
      g_ptr_array_add (templates, t);
      g_ptr_array_add (records, t);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_campaigns); i++)
    {
      const DemoCampaign *d = &demo_campaigns[i];
      HeraldCampaign *c = herald_campaign_new ();
      const char *cid = herald_record_get_id (HERALD_RECORD (c));
      gint64 sent = 0, delivered = 0, opens = 0, clicks = 0, conversions = 0, spent = 0;

      herald_campaign_set_name (c, d->name);
      herald_campaign_set_description (c, d->description);
      herald_campaign_set_campaign_type (c, d->type);
      herald_campaign_set_status (c, d->status);
      herald_campaign_set_segment_id (c, herald_record_get_id (g_ptr_array_index (segments, d->segment_index)));
      herald_campaign_set_template_id (c, herald_record_get_id (g_ptr_array_index (templates, d->template_index)));
      herald_campaign_set_budget (c, d->budget);
      herald_campaign_set_currency (c, "EUR");
      if (d->type == HERALD_CAMPAIGN_TYPE_EMAIL)
        {
          herald_campaign_set_from_name (c, "Herald Demo GmbH");
          herald_campaign_set_from_address (c, "news@herald-demo.example");
          herald_campaign_set_reply_to (c, "service@herald-demo.example");
          herald_campaign_set_preheader (c, "Nur für kurze Zeit");
        }
      if (d->ab_test)
        {
          herald_campaign_set_ab_test_percent (c, 20);
          herald_campaign_set_ab_winner_metric (c, HERALD_WINNER_METRIC_CLICK_RATE);
          herald_campaign_set_ab_wait_hours (c, 4);
          herald_campaign_set_ab_auto_send_winner (c, TRUE);
        }
      if (d->status == HERALD_CAMPAIGN_STATUS_SCHEDULED)
        {
          g_autoptr(GDateTime) at = g_date_time_add_days (today, 3 + (int) i);
          g_autoptr(GDateTime) at9 = g_date_time_add_hours (at, 9);

          herald_campaign_set_scheduled_at (c, at9);
        }
      {
        g_autoptr(GDateTime) created = g_date_time_add_days (today, -(MAX (d->started_days_ago, 0) + 5));

        herald_record_set_created_at (HERALD_RECORD (c), created);
      }
      g_ptr_array_add (records, c);

      if (d->started_days_ago >= 0)
        {
          g_autoptr(GDateTime) start = day_start (now, d->started_days_ago);
          g_autoptr(GDateTime) start9 = g_date_time_add_hours (start, 9);

          herald_campaign_set_scheduled_at (c, start9);
          herald_campaign_set_started_at (c, start9);

          /* one performance row per day with traffic */
          for (int day = 0; day < d->ran_days && day <= d->started_days_ago; day++)
            {
              HeraldPerformanceDay *p = herald_performance_day_new ();
              g_autoptr(GDateTime) when = g_date_time_add_days (start, day);
              g_autofree char *date = date_string (when);
              double decay = 1.0 / (1.0 + day * 0.15);
              gint64 s = (gint64) (g_rand_int_range (rand, 200, 900) * decay) + 20;
              gint64 bounced = s * g_rand_int_range (rand, 1, 4) / 100;
              gint64 dl = s - bounced;
              gint64 op = d->type == HERALD_CAMPAIGN_TYPE_SMS ? 0 : dl * g_rand_int_range (rand, 18, 42) / 100;
              gint64 cl = (d->type == HERALD_CAMPAIGN_TYPE_SMS ? dl : op) * g_rand_int_range (rand, 8, 25) / 100;
              gint64 cv = cl * g_rand_int_range (rand, 5, 30) / 100;
              /* Mail only: Apple's privacy proxy and scanners fetch the
               * tracking pixel of 6-12 % of the delivered messages whose
               * recipients never open them (no draw from @rand, so that
               * the rest of the demo stays as it was). */
              gint64 mop = d->type == HERALD_CAMPAIGN_TYPE_EMAIL ? dl * (6 + (day * 5 + (int) i * 3) % 7) / 100 : 0;
              gint64 sp = d->budget / 80;
              gint64 rev = cv * g_rand_int_range (rand, 2500, 9000);
              double v;

              herald_performance_day_set_campaign_id (p, cid);
              herald_performance_day_set_date (p, date);
              herald_performance_day_set_sent_count (p, s);
              herald_performance_day_set_delivered_count (p, dl);
              herald_performance_day_set_bounce_count (p, bounced);
              herald_performance_day_set_open_count (p, op);
              herald_performance_day_set_machine_open_count (p, mop);
              herald_performance_day_set_click_count (p, cl);
              herald_performance_day_set_conversion_count (p, cv);
              herald_performance_day_set_unsubscribe_count (p, dl / 400);
              herald_performance_day_set_revenue (p, rev);
              herald_performance_day_set_spent (p, sp);
              herald_performance_day_set_currency (p, "EUR");
              herald_performance_day_set_open_rate (p, herald_metrics_open_rate (op, dl, &v) ? v : -1.0);
              herald_performance_day_set_click_rate (p, herald_metrics_click_rate (cl, dl, &v) ? v : -1.0);
              herald_performance_day_set_conversion_rate (p, herald_metrics_conversion_rate (cv, dl, &v) ? v : -1.0);
              herald_performance_day_set_roi (p, herald_metrics_roi (rev, sp, &v) ? v : HERALD_METRICS_NO_ROI);
              g_ptr_array_add (records, p);

              sent += s;
              delivered += dl;
              opens += op;
              clicks += cl;
              conversions += cv;
              spent += sp;
            }

          if (d->status == HERALD_CAMPAIGN_STATUS_COMPLETED || d->status == HERALD_CAMPAIGN_STATUS_CANCELLED)
            {
              g_autoptr(GDateTime) end = g_date_time_add_days (start9, d->ran_days);

              herald_campaign_set_completed_at (c, end);
            }
        }
      herald_campaign_set_target_count (c, MAX (sent, (gint64) d->n_recipients));
      {
        HeraldSegment *segment = g_ptr_array_index (segments, d->segment_index);
        gint64 audience = herald_campaign_get_target_count (c);

        /* A segment holds at least the audience of every campaign sent to
         * it (the segments are stored with the campaigns, below). */
        if (herald_segment_get_contact_count (segment) < audience)
          herald_segment_set_contact_count (segment, audience + audience / 10);
      }
      herald_campaign_set_sent_count (c, sent);
      herald_campaign_set_delivered_count (c, delivered);
      herald_campaign_set_open_count (c, opens);
      herald_campaign_set_click_count (c, clicks);
      herald_campaign_set_conversion_count (c, conversions);
      herald_campaign_set_spent (c, spent);

      if (d->ab_test)
        for (int v = 0; v < 2; v++)
          {
            HeraldVariant *var = herald_variant_new ();

            herald_variant_set_campaign_id (var, cid);
            herald_variant_set_variant_name (var, v ? "B" : "A");
            herald_variant_set_subject (var, v ? "Nur bis Sonntag: 20 % auf alles" : "20 % Frühlingsrabatt für Sie");
            herald_variant_set_body_template (var, herald_template_get_body_html (g_ptr_array_index (templates, d->template_index)));
            herald_variant_set_sent_count (var, 1500);
            herald_variant_set_delivered_count (var, 1460 + v * 5);
            herald_variant_set_open_count (var, v ? 540 : 470);
            herald_variant_set_click_count (var, v ? 121 : 88);
            herald_variant_set_conversion_count (var, v ? 19 : 12);
            herald_variant_set_is_winner (var, v == 1);
            g_ptr_array_add (records, var);
          }

      for (int r = 0; r < d->n_recipients; r++)
        {
          HeraldRecipient *rec = herald_recipient_new ();
          HeraldContact *contact = g_ptr_array_index (contacts, r % contacts->len);
          g_autofree char *address = NULL;
          int roll = g_rand_int_range (rand, 0, 100);
          g_autoptr(GDateTime) sent_at = NULL;

          if (r < (int) contacts->len)
            {
              herald_recipient_set_contact_id (rec, herald_record_get_id (HERALD_RECORD (contact)));
              address = g_strdup (d->type == HERALD_CAMPAIGN_TYPE_SMS ? herald_contact_get_phone (contact)
                                                                      : herald_contact_get_email (contact));
            }
          else if (d->type == HERALD_CAMPAIGN_TYPE_SMS)
            address = g_strdup_printf ("+49151%07d", 1000000 + r * 13);
          else
            address = g_strdup_printf ("%s.%s%d@example.%s",
                                       first_names[r % G_N_ELEMENTS (first_names)],
                                       last_names[(r / 3) % G_N_ELEMENTS (last_names)], r,
                                       r % 4 ? "de" : "com");
          herald_recipient_set_campaign_id (rec, cid);
          herald_recipient_set_address (rec, address);
          herald_recipient_set_variant (rec, d->ab_test ? (r % 2 ? "B" : "A") : "");

          if (d->started_days_ago >= 0 && roll >= 5)
            {
              g_autoptr(GDateTime) start = day_start (now, d->started_days_ago);
              /* From the start at 9:00 over the days it ran, but not
               * after the last send (a campaign running until today). */
              gint64 until = g_date_time_difference (last_send, start) / G_TIME_SPAN_MINUTE;
              int offset_minutes = g_rand_int_range (rand, 9 * 60,
                                                     (int) CLAMP (until, 9 * 60 + 1,
                                                                  9 * 60 + 24 * 60 * MAX (1, MIN (d->ran_days, d->started_days_ago))));
              HeraldEventType kinds[4] = { HERALD_EVENT_TYPE_SENT, HERALD_EVENT_TYPE_DELIVERED,
                                           HERALD_EVENT_TYPE_OPENED, HERALD_EVENT_TYPE_CLICKED };
              int n_events;

              sent_at = g_date_time_add_minutes (start, offset_minutes);
              herald_recipient_set_sent_at (rec, sent_at);
              if (roll < 8)
                herald_recipient_set_status (rec, HERALD_RECIPIENT_STATUS_BOUNCED);
              else if (roll < 10)
                herald_recipient_set_status (rec, HERALD_RECIPIENT_STATUS_FAILED);
              else
                {
                  g_autoptr(GDateTime) delivered_at = g_date_time_add_seconds (sent_at, 4);

                  herald_recipient_set_status (rec, HERALD_RECIPIENT_STATUS_DELIVERED);
                  herald_recipient_set_delivered_at (rec, delivered_at);
                  if (roll >= 60 && d->type != HERALD_CAMPAIGN_TYPE_SMS)
                    {
                      g_autoptr(GDateTime) opened_at = g_date_time_add_minutes (sent_at, 30 + roll);

                      herald_recipient_set_opened_at (rec, opened_at);
                      herald_recipient_set_open_count (rec, 1 + roll % 3);
                    }
                  if (roll >= 85)
                    {
                      g_autoptr(GDateTime) clicked_at = g_date_time_add_minutes (sent_at, 40 + roll);

                      herald_recipient_set_clicked_at (rec, clicked_at);
                      herald_recipient_set_click_count (rec, 1);
                    }
                }

              /* the activity log: events of the first recipients */
              n_events = roll < 10 ? 1 : roll >= 85 ? 4 : roll >= 60 ? 3 : 2;
              if (r < 150)
                for (int e = 0; e < n_events; e++)
                  {
                    HeraldEvent *ev = herald_event_new ();
                    g_autoptr(GDateTime) at = g_date_time_add_minutes (sent_at, e * (15 + roll));
                    HeraldEventType kind = (e == 1 && roll < 8) ? HERALD_EVENT_TYPE_BOUNCED : kinds[e];
                    g_autofree char *ip = g_strdup_printf ("203.0.113.%d", 1 + r % 250);

                    if (e == 0 && roll < 8)
                      kind = HERALD_EVENT_TYPE_BOUNCED;
                    herald_event_set_campaign_id (ev, cid);
                    herald_event_set_recipient_id (ev, herald_record_get_id (HERALD_RECORD (rec)));
                    herald_event_set_event_type (ev, kind);
                    herald_event_set_timestamp (ev, at);
                    herald_event_set_ip_address (ev, kind == HERALD_EVENT_TYPE_OPENED || kind == HERALD_EVENT_TYPE_CLICKED ? ip : "");
                    if (kind == HERALD_EVENT_TYPE_CLICKED)
                      herald_event_set_metadata (ev, "{\"url\":\"https://shop.example.org/sale\"}");
                    else if (kind == HERALD_EVENT_TYPE_OPENED && n_events == 3 && r % 4 == 1
                             && d->type == HERALD_CAMPAIGN_TYPE_EMAIL)
                      /* an open nobody clicked after: some are machines' */
                      herald_event_set_metadata (ev, r % 8 == 1 ? "{\"machine_open\":true,\"machine_kind\":\"apple_mpp\"}"
                                                                : "{\"machine_open\":true,\"machine_kind\":\"scanner\"}");
                    else
                      herald_event_set_metadata (ev, "{}");
                    g_ptr_array_add (events, ev);
                  }
            }
          g_ptr_array_add (records, rec);
        }
    }

  /* events after the recipients they refer to */
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (events, i)));

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!herald_record_validate (g_ptr_array_index (records, i), NULL, &local_error))
        {
          g_critical ("Sample record %s is invalid: %s",
                      G_OBJECT_TYPE_NAME (g_ptr_array_index (records, i)), local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return herald_store_save_many (store, records, HERALD_STORE_ORIGIN_REMOTE, error);
}
