/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c: enums, the transition table, edit rules, validation and
 * metrics of the model layer. */

#include "config.h"

#include <math.h>

#include "herald.h"

typedef const char *(*DisplayName) (int value);

/* Every value of every enum of the model: exactly the seed's strings (and
 * DESIGN.md's for the sync state), in the seed's order, both ways, each
 * with its own display name. */
static void
test_enum_nicks (void)
{
  static const char * const campaign_types[] = { "email", "sms", "push", "social", NULL };
  static const char * const campaign_statuses[] = { "draft", "scheduled", "running", "paused", "completed",
                                                    "cancelled", NULL };
  static const char * const template_types[] = { "email", "sms", "push", NULL };
  static const char * const recipient_statuses[] = { "pending", "sent", "delivered", "bounced", "failed", NULL };
  static const char * const event_types[] = { "sent", "delivered", "opened", "clicked", "bounced", "converted",
                                              NULL };
  static const char * const winner_metrics[] = { "open_rate", "click_rate", "conversion_rate", NULL };
  static const char * const sync_states[] = { "synced", "created", "modified", "deleted", "conflict", NULL };
  const struct { GType type; const char * const *nicks; DisplayName display_name; } enums[] = {
    { HERALD_TYPE_CAMPAIGN_TYPE, campaign_types, (DisplayName) herald_campaign_type_get_display_name },
    { HERALD_TYPE_CAMPAIGN_STATUS, campaign_statuses, (DisplayName) herald_campaign_status_get_display_name },
    { HERALD_TYPE_TEMPLATE_TYPE, template_types, (DisplayName) herald_template_type_get_display_name },
    { HERALD_TYPE_RECIPIENT_STATUS, recipient_statuses, (DisplayName) herald_recipient_status_get_display_name },
    { HERALD_TYPE_EVENT_TYPE, event_types, (DisplayName) herald_event_type_get_display_name },
    { HERALD_TYPE_WINNER_METRIC, winner_metrics, (DisplayName) herald_winner_metric_get_display_name },
    { HERALD_TYPE_SYNC_STATE, sync_states, (DisplayName) herald_sync_state_get_display_name },
  };

  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[e].type);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (klass->n_values, ==, g_strv_length ((char **) enums[e].nicks));
      for (guint i = 0; i < klass->n_values; i++)
        {
          const GEnumValue *v = &klass->values[i];
          const char *name;
          int back = -1;

          /* in the seed's order, from 0 */
          g_assert_cmpint (v->value, ==, (int) i);
          g_assert_cmpstr (v->value_nick, ==, enums[e].nicks[i]);
          g_assert_cmpstr (herald_enum_to_nick (enums[e].type, v->value), ==, enums[e].nicks[i]);
          g_assert_true (herald_enum_from_nick (enums[e].type, enums[e].nicks[i], &back));
          g_assert_cmpint (back, ==, v->value);
          name = enums[e].display_name (v->value);
          g_assert_nonnull (name);
          g_assert_cmpstr (name, !=, "");
          g_assert_false (g_hash_table_contains (names, name));
          g_hash_table_add (names, (gpointer) name);
        }
      g_assert_false (herald_enum_from_nick (enums[e].type, "archived", NULL));
      g_assert_false (herald_enum_from_nick (enums[e].type, "", NULL));
      g_assert_false (herald_enum_from_nick (enums[e].type, NULL, NULL));
      {
        /* the wire's strings are exact */
        g_autofree char *upper = g_ascii_strup (enums[e].nicks[0], -1);
        int back = -1;

        g_assert_false (herald_enum_from_nick (enums[e].type, upper, &back));
      }
    }
  g_assert_cmpstr (herald_campaign_status_get_display_name (HERALD_CAMPAIGN_STATUS_DRAFT), ==, "Draft");
}

static void
test_transition_pairs (void)
{
  /* expected[from][to]: the command, or NULL when refused */
  static const char * const expected[6][6] = {
    /* to:        draft          scheduled   running   paused   completed   cancelled */
    /* draft */ { NULL,          "schedule", "start",  NULL,    NULL,       "cancel" },
    /* sched */ { "unschedule",  NULL,       "start",  NULL,    NULL,       "cancel" },
    /* run   */ { NULL,          NULL,       NULL,     "pause", "complete", "cancel" },
    /* pause */ { NULL,          NULL,       "resume", NULL,    NULL,       "cancel" },
    /* done  */ { NULL,          NULL,       NULL,     NULL,    NULL,       NULL },
    /* canc  */ { NULL,          NULL,       NULL,     NULL,    NULL,       NULL },
  };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);

  for (int from = 0; from < 6; from++)
    for (int to = 0; to < 6; to++)
      {
        g_autoptr(HeraldCampaign) c = herald_campaign_new ();
        g_autoptr(GError) error = NULL;
        gboolean ok;

        herald_campaign_set_name (c, "Tabelle");
        herald_campaign_set_status (c, from);
        herald_campaign_set_scheduled_at (c, later);
        g_assert_cmpstr (herald_campaign_status_get_command (from, to), ==, expected[from][to]);
        g_assert_cmpint (herald_campaign_status_can_transition (from, to), ==, expected[from][to] != NULL);

        ok = herald_campaign_transition (c, to, now, &error);
        if (expected[from][to] != NULL)
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpint (herald_campaign_get_status (c), ==, to);
            if (to == HERALD_CAMPAIGN_STATUS_RUNNING)
              g_assert_nonnull (herald_campaign_get_started_at (c));
            if (to == HERALD_CAMPAIGN_STATUS_COMPLETED)
              g_assert_true (g_date_time_equal (herald_campaign_get_completed_at (c), now));
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_TRANSITION);
            /* the message names both states */
            g_assert_nonnull (strstr (error->message, herald_campaign_status_get_display_name (from)));
            g_assert_nonnull (strstr (error->message, herald_campaign_status_get_display_name (to)));
            g_assert_cmpint (herald_campaign_get_status (c), ==, from);
          }
      }

  g_assert_true (herald_campaign_status_is_final (HERALD_CAMPAIGN_STATUS_COMPLETED));
  g_assert_true (herald_campaign_status_is_final (HERALD_CAMPAIGN_STATUS_CANCELLED));
  g_assert_false (herald_campaign_status_is_final (HERALD_CAMPAIGN_STATUS_PAUSED));
}

static void
test_schedule_needs_future (void)
{
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_add_minutes (now, -1);
  g_autoptr(GError) error = NULL;

  herald_campaign_set_name (c, "Zu spät");
  g_assert_false (herald_campaign_transition (c, HERALD_CAMPAIGN_STATUS_SCHEDULED, now, &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  herald_campaign_set_scheduled_at (c, before);
  g_assert_false (herald_campaign_transition (c, HERALD_CAMPAIGN_STATUS_SCHEDULED, now, &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID);
  g_assert_cmpint (herald_campaign_get_status (c), ==, HERALD_CAMPAIGN_STATUS_DRAFT);
}

static void
test_edit_rules (void)
{
  const struct { HeraldCampaignStatus status; const char *property; gboolean allowed; } cases[] = {
    { HERALD_CAMPAIGN_STATUS_DRAFT, "template-id", TRUE },
    { HERALD_CAMPAIGN_STATUS_SCHEDULED, "preheader", TRUE },
    { HERALD_CAMPAIGN_STATUS_RUNNING, "template-id", FALSE },
    { HERALD_CAMPAIGN_STATUS_RUNNING, "segment-id", FALSE },
    { HERALD_CAMPAIGN_STATUS_RUNNING, "name", TRUE },
    { HERALD_CAMPAIGN_STATUS_RUNNING, "budget", TRUE },
    { HERALD_CAMPAIGN_STATUS_RUNNING, "sent-count", TRUE },
    { HERALD_CAMPAIGN_STATUS_PAUSED, "from-address", FALSE },
    { HERALD_CAMPAIGN_STATUS_COMPLETED, "name", FALSE },
    { HERALD_CAMPAIGN_STATUS_COMPLETED, "description", TRUE },
    { HERALD_CAMPAIGN_STATUS_CANCELLED, "open-count", TRUE },
    { HERALD_CAMPAIGN_STATUS_DRAFT, "status", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (herald_campaign_status_allows_edit (cases[i].status, cases[i].property), ==, cases[i].allowed);
}

/* Sets @value (initialised to @pspec's type and holding the current value)
 * to a different value of the same type. */
static void
value_change (GParamSpec *pspec,
              GValue     *value)
{
  GType t = pspec->value_type;

  if (t == G_TYPE_STRING)
    {
      g_autofree char *s = g_strconcat (g_value_get_string (value) ? g_value_get_string (value) : "", "x", NULL);

      g_value_set_string (value, s);
    }
  else if (t == G_TYPE_INT64)
    g_value_set_int64 (value, g_value_get_int64 (value) + 1);
  else if (t == G_TYPE_INT)
    g_value_set_int (value, g_value_get_int (value) + 1);
  else if (t == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (value));
  else if (t == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (value);

      /* no value (HERALD_METRICS_NO_ROI) becomes one */
      g_value_set_double (value, isfinite (d) ? d + 0.01 : 0.5);
    }
  else if (t == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      if (dt != NULL)
        g_value_take_boxed (value, g_date_time_add_days (dt, 1));
      else
        g_value_take_boxed (value, g_date_time_new_utc (2026, 5, 4, 3, 2, 1));
    }
  else if (G_TYPE_IS_ENUM (t))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (t);
      int v = g_value_get_enum (value);

      g_value_set_enum (value, klass->values[(guint) (v - klass->minimum + 1) % klass->n_values].value);
    }
  else
    g_assert_not_reached ();
}

/* A refused edit names the field by its translated label, like the
 * validation messages, never by the property or column name. */
static void
test_frozen_message (void)
{
  g_autoptr(HeraldCampaign) before = herald_campaign_new ();
  g_autoptr(HeraldCampaign) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *template_id = herald_uuid_new ();
  guint n_pspecs, n_frozen = 0;

  herald_campaign_set_name (before, "Eingefroren");
  herald_campaign_set_status (before, HERALD_CAMPAIGN_STATUS_RUNNING);
  after = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (before)));
  herald_campaign_set_template_id (after, template_id);
  g_assert_false (herald_campaign_check_edit (before, after, &error));
  g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_FROZEN);
  g_assert_cmpstr (error->message, ==, "“Template” can no longer be changed: the campaign is “Running”.");
  g_clear_error (&error);

  /* every field a completed campaign refuses */
  herald_campaign_set_status (before, HERALD_CAMPAIGN_STATUS_COMPLETED);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (before), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *column = NULL;
      const char *label;

      if (pspecs[i]->owner_type != HERALD_TYPE_CAMPAIGN || g_str_equal (pspecs[i]->name, "status"))
        continue;
      g_clear_object (&after);
      after = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (before)));
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (after), pspecs[i]->name, &value);
      value_change (pspecs[i], &value);
      g_object_set_property (G_OBJECT (after), pspecs[i]->name, &value);

      if (herald_campaign_check_edit (before, after, &error))
        {
          g_assert_true (herald_campaign_status_allows_edit (HERALD_CAMPAIGN_STATUS_COMPLETED, pspecs[i]->name));
          continue;
        }
      n_frozen++;
      g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_FROZEN);
      g_test_message ("%s: %s", pspecs[i]->name, error->message);
      label = herald_field_get_label (pspecs[i]->name);
      g_assert_nonnull (label);
      g_assert_nonnull (strstr (error->message, label));
      column = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      g_assert_null (strstr (error->message, column));
      g_assert_null (strstr (error->message, pspecs[i]->name));
      g_clear_error (&error);
    }
  /* all but the description and the tracking data */
  g_assert_cmpuint (n_frozen, >=, 15);
}

/* Every field of every model object has a label for the messages; only
 * the sync bookkeeping of HeraldRecord (not "id") has none. */
static void
test_field_labels (void)
{
  const GType types[] = {
    HERALD_TYPE_CAMPAIGN, HERALD_TYPE_TEMPLATE, HERALD_TYPE_RECIPIENT, HERALD_TYPE_EVENT,
    HERALD_TYPE_VARIANT, HERALD_TYPE_PERFORMANCE_DAY, HERALD_TYPE_CONTACT, HERALD_TYPE_SEGMENT,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          const char *label = herald_field_get_label (pspecs[i]->name);

          if (pspecs[i]->owner_type == HERALD_TYPE_RECORD && !g_str_equal (pspecs[i]->name, "id"))
            continue;
          if (label == NULL)
            g_error ("%s:%s has no label", g_type_name (types[t]), pspecs[i]->name);
          g_assert_cmpstr (label, !=, pspecs[i]->name);
        }
    }
  g_assert_cmpstr (herald_field_get_label ("template-id"), ==, "Template");
  g_assert_null (herald_field_get_label ("no-such-field"));
}

typedef void (*Mutate) (HeraldRecord *record);

static void set_empty_name (HeraldRecord *r) { g_object_set (r, "name", "", NULL); }
static void set_blank_name (HeraldRecord *r) { g_object_set (r, "name", "   ", NULL); }
static void set_long_name (HeraldRecord *r) { g_autofree char *s = g_strnfill (201, 'x'); g_object_set (r, "name", s, NULL); }
static void set_negative_sent (HeraldRecord *r) { g_object_set (r, "sent-count", (gint64) -1, NULL); }
static void set_delivered_over_sent (HeraldRecord *r) { g_object_set (r, "sent-count", (gint64) 5, "delivered-count", (gint64) 6, NULL); }
static void set_negative_budget (HeraldRecord *r) { g_object_set (r, "budget", (gint64) -100, NULL); }
static void set_bad_currency (HeraldRecord *r) { g_object_set (r, "currency", "euro", NULL); }
static void set_bad_segment (HeraldRecord *r) { g_object_set (r, "segment-id", "segment-1", NULL); }
static void set_bad_id (HeraldRecord *r) { herald_record_set_id (r, "42"); }
static void set_bad_sender (HeraldRecord *r) { g_object_set (r, "from-address", "news@", NULL); }
static void set_bad_email (HeraldRecord *r) { g_object_set (r, "email", "jana.muster@@example.org", NULL); }
static void set_bad_phone (HeraldRecord *r) { g_object_set (r, "phone", "030 1234567", NULL); }
static void set_no_address (HeraldRecord *r) { g_object_set (r, "email", "", "phone", "", NULL); }
static void set_bad_variables (HeraldRecord *r) { g_object_set (r, "variables", "[1, 2", NULL); }
static void set_no_campaign (HeraldRecord *r) { g_object_set (r, "campaign-id", NULL, NULL); }
static void set_bad_date (HeraldRecord *r) { g_object_set (r, "date", "2026-02-30", NULL); }
static void set_no_timestamp (HeraldRecord *r) { g_object_set (r, "timestamp", NULL, NULL); }

static HeraldRecord *
valid_record (GType type)
{
  g_autofree char *campaign_id = herald_uuid_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  HeraldRecord *r = g_object_new (type, "id", campaign_id, NULL);
  g_autofree char *other = herald_uuid_new ();

  if (type == HERALD_TYPE_CAMPAIGN || type == HERALD_TYPE_TEMPLATE || type == HERALD_TYPE_SEGMENT)
    g_object_set (r, "name", "Gültig", NULL);
  if (type == HERALD_TYPE_CONTACT)
    g_object_set (r, "email", "jana@example.org", "phone", "+4930123456", NULL);
  if (type == HERALD_TYPE_RECIPIENT || type == HERALD_TYPE_EVENT || type == HERALD_TYPE_PERFORMANCE_DAY
      || type == HERALD_TYPE_VARIANT)
    g_object_set (r, "campaign-id", other, NULL);
  if (type == HERALD_TYPE_EVENT)
    g_object_set (r, "timestamp", now, NULL);
  if (type == HERALD_TYPE_PERFORMANCE_DAY)
    g_object_set (r, "date", "2026-02-28", NULL);
  return r;
}

static void
test_validation_table (void)
{
  const struct {
    GType (*type) (void);
    Mutate mutate;
    const char *field;   /* as named in the message */
  } cases[] = {
    { herald_campaign_get_type, set_empty_name, "Name" },
    { herald_campaign_get_type, set_blank_name, "Name" },
    { herald_campaign_get_type, set_long_name, "Name" },
    { herald_campaign_get_type, set_negative_sent, "Sent" },
    { herald_campaign_get_type, set_delivered_over_sent, "Delivered" },
    { herald_campaign_get_type, set_negative_budget, "Budget" },
    { herald_campaign_get_type, set_bad_currency, "Currency" },
    { herald_campaign_get_type, set_bad_segment, "Segment" },
    { herald_campaign_get_type, set_bad_id, "Id" },
    { herald_campaign_get_type, set_bad_sender, "Sender address" },
    { herald_template_get_type, set_empty_name, "Name" },
    { herald_template_get_type, set_bad_variables, "Variables" },
    { herald_contact_get_type, set_bad_email, "Email address" },
    { herald_contact_get_type, set_bad_phone, "Phone number" },
    { herald_contact_get_type, set_no_address, "Email address" },
    { herald_segment_get_type, set_long_name, "Name" },
    { herald_recipient_get_type, set_no_campaign, "Campaign" },
    { herald_event_get_type, set_no_timestamp, "Time" },
    { herald_variant_get_type, set_delivered_over_sent, "Delivered" },
    { herald_performance_day_get_type, set_bad_date, "Date" },
    { herald_performance_day_get_type, set_negative_sent, "Sent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldRecord) r = valid_record (cases[i].type ());
      g_autoptr(GError) error = NULL;

      g_assert_true (herald_record_validate (r, NULL, &error));
      g_assert_no_error (error);
      cases[i].mutate (r);
      g_assert_false (herald_record_validate (r, NULL, &error));
      g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID);
      g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (r), error->message);
      g_assert_nonnull (strstr (error->message, cases[i].field));
    }
}

static void
test_spent_over_budget_warns (void)
{
  g_autoptr(HeraldRecord) r = valid_record (HERALD_TYPE_CAMPAIGN);
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  g_object_set (r, "budget", (gint64) 1000, "spent", (gint64) 1500, NULL);
  g_assert_true (herald_record_validate (r, &warning, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warning);
}

static void
test_template_compatibility (void)
{
  const struct { HeraldCampaignType c; HeraldTemplateType t; gboolean ok; } cases[] = {
    { HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_TEMPLATE_TYPE_EMAIL, TRUE },
    { HERALD_CAMPAIGN_TYPE_EMAIL, HERALD_TEMPLATE_TYPE_SMS, FALSE },
    { HERALD_CAMPAIGN_TYPE_SMS, HERALD_TEMPLATE_TYPE_SMS, TRUE },
    { HERALD_CAMPAIGN_TYPE_SMS, HERALD_TEMPLATE_TYPE_PUSH, FALSE },
    { HERALD_CAMPAIGN_TYPE_PUSH, HERALD_TEMPLATE_TYPE_PUSH, TRUE },
    { HERALD_CAMPAIGN_TYPE_PUSH, HERALD_TEMPLATE_TYPE_EMAIL, FALSE },
    { HERALD_CAMPAIGN_TYPE_SOCIAL, HERALD_TEMPLATE_TYPE_SMS, TRUE },
    { HERALD_CAMPAIGN_TYPE_SOCIAL, HERALD_TEMPLATE_TYPE_EMAIL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldCampaign) c = herald_campaign_new ();
      g_autoptr(HeraldTemplate) t = herald_template_new ();
      g_autoptr(GError) error = NULL;

      herald_campaign_set_campaign_type (c, cases[i].c);
      herald_template_set_template_type (t, cases[i].t);
      g_assert_cmpint (herald_campaign_validate_template (c, t, &error), ==, cases[i].ok);
      if (!cases[i].ok)
        g_assert_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INCOMPATIBLE);
    }
}

static void
test_addresses (void)
{
  const char *good_mail[] = { "a@b.de", "jana.muster+news@example.co.uk", "x_y@sub.example.org" };
  const char *bad_mail[] = { "", "plain", "@example.org", "a@", "a@b", "a b@example.org", "a@exa mple.org",
                             "a..b@example.org", "a@-example.org", "a@example..org" };
  const char *good_phone[] = { "+4930123456", "+14155552671", "+491701234567" };
  const char *bad_phone[] = { "", "030123456", "+0301234567", "+49 30 123456", "+4930", "+1234567890123456" };

  for (guint i = 0; i < G_N_ELEMENTS (good_mail); i++)
    g_assert_true (herald_is_valid_email (good_mail[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_mail); i++)
    g_assert_false (herald_is_valid_email (bad_mail[i]));
  for (guint i = 0; i < G_N_ELEMENTS (good_phone); i++)
    g_assert_true (herald_is_valid_phone (good_phone[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_phone); i++)
    g_assert_false (herald_is_valid_phone (bad_phone[i]));
  g_assert_true (herald_is_valid_currency ("EUR"));
  g_assert_false (herald_is_valid_currency ("eur"));
  g_assert_true (herald_is_valid_date ("2024-02-29"));
  g_assert_false (herald_is_valid_date ("2025-02-29"));
}

static void
test_metrics (void)
{
  double r = -5;

  /* 1000 sent, 30 bounced, 20 failed: 950 delivered */
  g_assert_cmpint (herald_metrics_delivered (1000, 30, 20), ==, 950);
  g_assert_true (herald_metrics_open_rate (380, 950, &r));
  g_assert_cmpfloat_with_epsilon (r, 0.4, 1e-12);
  g_assert_true (herald_metrics_click_rate (95, 950, &r));
  g_assert_cmpfloat_with_epsilon (r, 0.1, 1e-12);
  g_assert_true (herald_metrics_click_to_open (95, 380, &r));
  g_assert_cmpfloat_with_epsilon (r, 0.25, 1e-12);
  g_assert_true (herald_metrics_conversion_rate (19, 950, &r));
  g_assert_cmpfloat_with_epsilon (r, 0.02, 1e-12);
  g_assert_true (herald_metrics_bounce_rate (30, 1000, &r));
  g_assert_cmpfloat_with_epsilon (r, 0.03, 1e-12);
  g_assert_true (herald_metrics_unsubscribe_rate (5, 950, &r));
  g_assert_cmpfloat_with_epsilon (r, 5.0 / 950.0, 1e-12);
  /* 250,00 € revenue on 100,00 € spent */
  g_assert_true (herald_metrics_roi (25000, 10000, &r));
  g_assert_cmpfloat_with_epsilon (r, 1.5, 1e-12);
  g_assert_true (herald_metrics_roi (5000, 10000, &r));
  g_assert_cmpfloat_with_epsilon (r, -0.5, 1e-12);

  /* zero denominators have no value, and leave the output alone */
  r = 42;
  g_assert_false (herald_metrics_open_rate (0, 0, &r));
  g_assert_false (herald_metrics_click_to_open (3, 0, &r));
  g_assert_false (herald_metrics_bounce_rate (0, 0, &r));
  g_assert_false (herald_metrics_roi (100, 0, &r));
  g_assert_cmpfloat (r, ==, 42);
  g_assert_cmpint (herald_metrics_delivered (10, 8, 5), ==, 0);
}

/* The convention for machine opens: an opened event with
 * "machine_open": true in its metadata (docs/charts.md). */
static void
test_machine_open (void)
{
  static const struct { HeraldEventType type; const char *metadata; gboolean machine; } cases[] = {
    { HERALD_EVENT_TYPE_OPENED, "{\"machine_open\":true,\"machine_kind\":\"apple_mpp\"}", TRUE },
    { HERALD_EVENT_TYPE_OPENED, "{\"machine_open\":true,\"machine_kind\":\"scanner\"}", TRUE },
    { HERALD_EVENT_TYPE_OPENED, "{\"machine_open\":true}", TRUE },
    { HERALD_EVENT_TYPE_OPENED, "{\"machine_open\":false}", FALSE },
    { HERALD_EVENT_TYPE_OPENED, "{\"machine_open\":\"true\"}", FALSE },
    { HERALD_EVENT_TYPE_OPENED, "{\"machine_open\":1}", FALSE },
    { HERALD_EVENT_TYPE_OPENED, "{}", FALSE },
    { HERALD_EVENT_TYPE_OPENED, "[true]", FALSE },
    { HERALD_EVENT_TYPE_OPENED, "not json", FALSE },
    /* only opens are opens */
    { HERALD_EVENT_TYPE_CLICKED, "{\"machine_open\":true}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldEvent) e = herald_event_new ();

      herald_event_set_event_type (e, cases[i].type);
      herald_event_set_metadata (e, cases[i].metadata);
      g_assert_cmpint (herald_event_is_machine_open (e), ==, cases[i].machine);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *notified)
{
  g_ptr_array_add (notified, (gpointer) pspec->name);
}

/* A value equal to @value but not the same object or string: an equal
 * GDateTime in another time zone, a copy of a string. */
static void
value_equal_copy (GParamSpec   *pspec,
                  const GValue *value,
                  GValue       *copy)
{
  g_value_init (copy, pspec->value_type);
  if (pspec->value_type == G_TYPE_DATE_TIME && g_value_get_boxed (value) != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);

      g_value_take_boxed (copy, g_date_time_to_timezone (g_value_get_boxed (value), tz));
    }
  else if (pspec->value_type == G_TYPE_STRING && g_value_get_string (value) != NULL)
    g_value_take_string (copy, g_strdup (g_value_get_string (value)));
  else
    g_value_copy (value, copy);
}

/* Every property of every model object, driven by its GParamSpec:
 * setting a new value notifies once, that property only; setting an equal
 * value again does not notify. */
static void
test_notify_only_on_change (void)
{
  const GType types[] = {
    HERALD_TYPE_CAMPAIGN, HERALD_TYPE_TEMPLATE, HERALD_TYPE_RECIPIENT, HERALD_TYPE_EVENT,
    HERALD_TYPE_VARIANT, HERALD_TYPE_PERFORMANCE_DAY, HERALD_TYPE_CONTACT, HERALD_TYPE_SEGMENT,
  };
  guint n_checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GObject) object = g_object_new (types[t], NULL);
      g_autoptr(GPtrArray) notified = g_ptr_array_new ();
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      g_signal_connect (object, "notify", G_CALLBACK (count_notify_cb), notified);
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamSpec *pspec = pspecs[i];
          g_auto(GValue) before = G_VALUE_INIT;
          g_auto(GValue) changed = G_VALUE_INIT;
          g_auto(GValue) same = G_VALUE_INIT;

          g_assert_true (pspec->flags & G_PARAM_WRITABLE);
          g_assert_false (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
          g_value_init (&before, pspec->value_type);
          g_object_get_property (object, pspec->name, &before);
          g_value_init (&changed, pspec->value_type);
          g_value_copy (&before, &changed);
          value_change (pspec, &changed);

          g_ptr_array_set_size (notified, 0);
          g_object_set_property (object, pspec->name, &changed);
          if (notified->len != 1 || !g_str_equal (g_ptr_array_index (notified, 0), pspec->name))
            g_error ("%s:%s: a change gave %u notifications", g_type_name (types[t]), pspec->name, notified->len);

          g_ptr_array_set_size (notified, 0);
          g_object_set_property (object, pspec->name, &changed);
          value_equal_copy (pspec, &changed, &same);
          g_object_set_property (object, pspec->name, &same);
          if (notified->len != 0)
            g_error ("%s:%s: setting the same value notified", g_type_name (types[t]), pspec->name);

          /* and back */
          g_object_set_property (object, pspec->name, &before);
          g_assert_cmpuint (notified->len, ==, 1);
          n_checked++;
        }
    }
  g_test_message ("%u properties", n_checked);
  g_assert_cmpuint (n_checked, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/model/enum-nicks", test_enum_nicks);
  g_test_add_func ("/herald/model/transition-pairs", test_transition_pairs);
  g_test_add_func ("/herald/model/schedule-needs-future", test_schedule_needs_future);
  g_test_add_func ("/herald/model/edit-rules", test_edit_rules);
  g_test_add_func ("/herald/model/frozen-message", test_frozen_message);
  g_test_add_func ("/herald/model/field-labels", test_field_labels);
  g_test_add_func ("/herald/model/validation", test_validation_table);
  g_test_add_func ("/herald/model/spent-over-budget", test_spent_over_budget_warns);
  g_test_add_func ("/herald/model/template-compatibility", test_template_compatibility);
  g_test_add_func ("/herald/model/addresses", test_addresses);
  g_test_add_func ("/herald/model/metrics", test_metrics);
  g_test_add_func ("/herald/model/machine-open", test_machine_open);
  g_test_add_func ("/herald/model/notify", test_notify_only_on_change);

  return g_test_run ();
}
