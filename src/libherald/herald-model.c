/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-model.c: validation of the model objects.  Every message names the
 * field, in words a person filling in a form understands. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "herald-model.h"
#include "herald-util.h"

#define NAME_MAX_CHARS 200

G_DEFINE_QUARK (herald-model-error-quark, herald_model_error)

static const struct {
  const char *property;
  const char *label;
} field_labels[] = {
  { "id", N_("Id") },
  { "name", N_("Name") },
  { "description", N_("Description") },
  { "segment-id", N_("Segment") },
  { "template-id", N_("Template") },
  { "campaign-id", N_("Campaign") },
  { "contact-id", N_("Contact") },
  { "recipient-id", N_("Recipient") },
  { "scheduled-at", N_("Scheduled time") },
  { "budget", N_("Budget") },
  { "spent", N_("Spent") },
  { "currency", N_("Currency") },
  { "target-count", N_("Audience") },
  { "sent-count", N_("Sent") },
  { "delivered-count", N_("Delivered") },
  { "open-count", N_("Opens") },
  { "machine-open-count", N_("Machine opens") },
  { "click-count", N_("Clicks") },
  { "conversion-count", N_("Conversions") },
  { "bounce-count", N_("Bounces") },
  { "unsubscribe-count", N_("Unsubscribes") },
  { "revenue", N_("Revenue") },
  { "from-address", N_("Sender address") },
  { "reply-to", N_("Reply-to address") },
  { "variables", N_("Variables") },
  { "metadata", N_("Metadata") },
  { "attributes", N_("Attributes") },
  { "timestamp", N_("Time") },
  { "variant-name", N_("Variant name") },
  { "date", N_("Date") },
  { "email", N_("Email address") },
  { "phone", N_("Phone number") },
  { "contact-count", N_("Contact count") },
  { "type", N_("Type") },
  { "status", N_("Status") },
  { "started-at", N_("Start time") },
  { "completed-at", N_("End time") },
  { "preheader", N_("Preheader") },
  { "from-name", N_("Sender name") },
  { "ab-test-percent", N_("Test group size") },
  { "ab-winner-metric", N_("Winner metric") },
  { "ab-wait-hours", N_("Test duration") },
  { "ab-auto-send-winner", N_("Send the winner automatically") },
  { "ab-confidence-level", N_("Confidence level") },
  { "locale", N_("Language") },
  { "time-zone", N_("Time zone") },
  { "unsubscribed", N_("Unsubscribed") },
  { "consent", N_("Consent") },
  { "event-type", N_("Event type") },
  { "ip-address", N_("IP address") },
  { "open-rate", N_("Open rate") },
  { "click-rate", N_("Click rate") },
  { "conversion-rate", N_("Conversion rate") },
  { "roi", N_("ROI") },
  { "address", N_("Address") },
  { "sent-at", N_("Time sent") },
  { "delivered-at", N_("Time delivered") },
  { "opened-at", N_("Time opened") },
  { "clicked-at", N_("Time clicked") },
  { "converted-at", N_("Time converted") },
  { "variant", N_("Variant") },
  { "subject", N_("Subject") },
  { "body-html", N_("HTML body") },
  { "body-text", N_("Text body") },
  { "body-template", N_("Variant content") },
  { "is-active", N_("Active") },
  { "is-winner", N_("Winner") },
};

/**
 * herald_field_get_label:
 * @property: the name of a property of a model object, e.g. "template-id"
 *
 * The words validation and edit-rule messages name a field by, translated
 * ("Template" for "template-id").  The sync bookkeeping (created, updated,
 * version, sync state, server version, base) has none.
 *
 * Returns: (nullable): the translated label, %NULL for an unknown property
 */
const char *
herald_field_get_label (const char *property)
{
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].property, property))
      return _(field_labels[i].label);
  return NULL;
}

static const char *
field_label (const char *property)
{
  const char *label = herald_field_get_label (property);

  return label != NULL ? label : property;
}

static gboolean
fail (GError     **error,
      const char  *property,
      const char  *format)
{
  /* format has exactly one %s: the field's label */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID,
               format, field_label (property));
#pragma GCC diagnostic pop
  return FALSE;
}

static gboolean
check_name (const char  *property,
            const char  *value,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));
  glong len = g_utf8_strlen (stripped, -1);

  if (!g_utf8_validate (value != NULL ? value : "", -1, NULL) || len < 1 || len > NAME_MAX_CHARS)
    return fail (error, property, _("“%s” must be between 1 and 200 characters long."));
  return TRUE;
}

static gboolean
check_count (const char  *property,
             gint64       value,
             GError     **error)
{
  if (value < 0)
    return fail (error, property, _("“%s” must not be negative."));
  return TRUE;
}

static gboolean
check_uuid (const char  *property,
            const char  *value,
            gboolean     required,
            GError     **error)
{
  if ((value == NULL || *value == '\0') && !required)
    return TRUE;
  if (!herald_uuid_is_valid (value))
    return fail (error, property, _("“%s” is not a valid id."));
  return TRUE;
}

static gboolean
check_json_object (const char  *property,
                   const char  *value,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (value == NULL || *value == '\0')
    return TRUE;
  if (!json_parser_load_from_data (parser, value, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, property, _("“%s” must be a JSON object."));
  return TRUE;
}

static gboolean
check_email (const char  *property,
             const char  *value,
             GError     **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  if (!herald_is_valid_email (value))
    return fail (error, property, _("“%s” is not a valid email address."));
  return TRUE;
}

static gboolean
check_currency (const char  *value,
                GError     **error)
{
  if (!herald_is_valid_currency (value))
    return fail (error, "currency", _("“%s” must be a three-letter ISO 4217 code such as EUR."));
  return TRUE;
}

/**
 * herald_is_valid_email:
 * @address: (nullable): a string
 *
 * A pragmatic check (one @, a local part, a dotted domain of letters,
 * digits and hyphens, no spaces), not the whole of RFC 5322.
 *
 * Returns: whether @address looks like a deliverable address
 */
gboolean
herald_is_valid_email (const char *address)
{
  const char *at;
  g_auto(GStrv) labels = NULL;

  if (address == NULL || strlen (address) > 254)
    return FALSE;
  at = strchr (address, '@');
  if (at == NULL || at == address || strchr (at + 1, '@') != NULL || at - address > 64)
    return FALSE;
  for (const char *p = address; p < at; p++)
    if (*p <= ' ' || *p == '"' || *p == '(' || *p == ')' || *p == ',' || *p == ':'
        || *p == ';' || *p == '<' || *p == '>' || *p == '[' || *p == ']' || *p == '\\')
      return FALSE;
  if (address[0] == '.' || at[-1] == '.' || strstr (address, "..") != NULL)
    return FALSE;

  labels = g_strsplit (at + 1, ".", -1);
  if (g_strv_length (labels) < 2)
    return FALSE;
  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *l = labels[i];
      gsize len = strlen (l);

      if (len == 0 || len > 63 || l[0] == '-' || l[len - 1] == '-')
        return FALSE;
      for (const char *p = l; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && (guchar) *p < 0x80)
          return FALSE;
    }
  return TRUE;
}

/**
 * herald_is_valid_phone:
 * @e164: (nullable): a string
 *
 * Returns: whether @e164 is an E.164 number: "+", a country code that does
 *   not start with 0, 8 to 15 digits in all, nothing else
 */
gboolean
herald_is_valid_phone (const char *e164)
{
  gsize n;

  if (e164 == NULL || e164[0] != '+' || e164[1] < '1' || e164[1] > '9')
    return FALSE;
  n = strlen (e164 + 1);
  if (n < 8 || n > 15)
    return FALSE;
  for (const char *p = e164 + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/**
 * herald_is_valid_currency:
 * @code: (nullable): a string
 *
 * Returns: whether @code has the form of an ISO 4217 code (three capitals)
 */
gboolean
herald_is_valid_currency (const char *code)
{
  return code != NULL && strlen (code) == 3
         && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/**
 * herald_is_valid_date:
 * @yyyy_mm_dd: (nullable): a string
 *
 * Returns: whether the string is a real calendar date as YYYY-MM-DD
 */
gboolean
herald_is_valid_date (const char *yyyy_mm_dd)
{
  int y, m, d;
  char extra;

  if (yyyy_mm_dd == NULL || strlen (yyyy_mm_dd) != 10
      || sscanf (yyyy_mm_dd, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
validate_campaign (HeraldCampaign  *c,
                   char           **warning,
                   GError         **error)
{
  const struct { const char *p; gint64 v; } counts[] = {
    { "target-count", herald_campaign_get_target_count (c) },
    { "sent-count", herald_campaign_get_sent_count (c) },
    { "delivered-count", herald_campaign_get_delivered_count (c) },
    { "open-count", herald_campaign_get_open_count (c) },
    { "click-count", herald_campaign_get_click_count (c) },
    { "conversion-count", herald_campaign_get_conversion_count (c) },
    { "budget", herald_campaign_get_budget (c) },
    { "spent", herald_campaign_get_spent (c) },
  };

  if (!check_name ("name", herald_campaign_get_name (c), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!check_count (counts[i].p, counts[i].v, error))
      return FALSE;
  if (herald_campaign_get_delivered_count (c) > herald_campaign_get_sent_count (c))
    return fail (error, "delivered-count", _("“%s” cannot be more than were sent."));
  if (!check_currency (herald_campaign_get_currency (c), error)
      || !check_uuid ("segment-id", herald_campaign_get_segment_id (c), FALSE, error)
      || !check_uuid ("template-id", herald_campaign_get_template_id (c), FALSE, error)
      || !check_email ("from-address", herald_campaign_get_from_address (c), error)
      || !check_email ("reply-to", herald_campaign_get_reply_to (c), error))
    return FALSE;

  if (warning != NULL && herald_campaign_get_spent (c) > herald_campaign_get_budget (c))
    *warning = g_strdup (_("More has been spent than the budget allows."));
  return TRUE;
}

static gboolean
validate_template (HeraldTemplate  *t,
                   GError         **error)
{
  return check_name ("name", herald_template_get_name (t), error)
         && check_json_object ("variables", herald_template_get_variables (t), error);
}

static gboolean
validate_recipient (HeraldRecipient  *r,
                    GError          **error)
{
  return check_uuid ("campaign-id", herald_recipient_get_campaign_id (r), TRUE, error)
         && check_uuid ("contact-id", herald_recipient_get_contact_id (r), FALSE, error)
         && check_count ("open-count", herald_recipient_get_open_count (r), error)
         && check_count ("click-count", herald_recipient_get_click_count (r), error);
}

static gboolean
validate_event (HeraldEvent  *e,
                GError      **error)
{
  if (!check_uuid ("campaign-id", herald_event_get_campaign_id (e), TRUE, error)
      || !check_uuid ("recipient-id", herald_event_get_recipient_id (e), FALSE, error))
    return FALSE;
  if (herald_event_get_timestamp (e) == NULL)
    return fail (error, "timestamp", _("“%s” is required."));
  return check_json_object ("metadata", herald_event_get_metadata (e), error);
}

static gboolean
validate_variant (HeraldVariant  *v,
                  GError        **error)
{
  if (!check_uuid ("campaign-id", herald_variant_get_campaign_id (v), TRUE, error))
    return FALSE;
  if (!check_name ("variant-name", herald_variant_get_variant_name (v), error)
      || !check_count ("sent-count", herald_variant_get_sent_count (v), error)
      || !check_count ("delivered-count", herald_variant_get_delivered_count (v), error)
      || !check_count ("open-count", herald_variant_get_open_count (v), error)
      || !check_count ("click-count", herald_variant_get_click_count (v), error)
      || !check_count ("conversion-count", herald_variant_get_conversion_count (v), error))
    return FALSE;
  if (herald_variant_get_delivered_count (v) > herald_variant_get_sent_count (v))
    return fail (error, "delivered-count", _("“%s” cannot be more than were sent."));
  return TRUE;
}

static gboolean
validate_performance_day (HeraldPerformanceDay  *p,
                          GError               **error)
{
  const struct { const char *prop; gint64 v; } counts[] = {
    { "sent-count", herald_performance_day_get_sent_count (p) },
    { "delivered-count", herald_performance_day_get_delivered_count (p) },
    { "open-count", herald_performance_day_get_open_count (p) },
    { "machine-open-count", herald_performance_day_get_machine_open_count (p) },
    { "click-count", herald_performance_day_get_click_count (p) },
    { "conversion-count", herald_performance_day_get_conversion_count (p) },
    { "bounce-count", herald_performance_day_get_bounce_count (p) },
    { "unsubscribe-count", herald_performance_day_get_unsubscribe_count (p) },
    { "revenue", herald_performance_day_get_revenue (p) },
    { "spent", herald_performance_day_get_spent (p) },
  };

  if (!check_uuid ("campaign-id", herald_performance_day_get_campaign_id (p), TRUE, error))
    return FALSE;
  if (!herald_is_valid_date (herald_performance_day_get_date (p)))
    return fail (error, "date", _("“%s” must be a date written as YYYY-MM-DD."));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!check_count (counts[i].prop, counts[i].v, error))
      return FALSE;
  if (herald_performance_day_get_delivered_count (p) > herald_performance_day_get_sent_count (p))
    return fail (error, "delivered-count", _("“%s” cannot be more than were sent."));
  return check_currency (herald_performance_day_get_currency (p), error);
}

static gboolean
validate_contact (HeraldContact  *c,
                  GError        **error)
{
  const char *email = herald_contact_get_email (c);
  const char *phone = herald_contact_get_phone (c);

  if ((email == NULL || *email == '\0') && (phone == NULL || *phone == '\0'))
    return fail (error, "email", _("“%s” or a phone number is required."));
  if (!check_email ("email", email, error))
    return FALSE;
  if (phone != NULL && *phone != '\0' && !herald_is_valid_phone (phone))
    return fail (error, "phone", _("“%s” must be in international form, such as +4930123456."));
  if (g_utf8_strlen (herald_contact_get_name (c) ? herald_contact_get_name (c) : "", -1) > NAME_MAX_CHARS)
    return fail (error, "name", _("“%s” must be between 1 and 200 characters long."));
  return check_json_object ("attributes", herald_contact_get_attributes (c), error);
}

static gboolean
validate_segment (HeraldSegment  *s,
                  GError        **error)
{
  return check_name ("name", herald_segment_get_name (s), error)
         && check_count ("contact-count", herald_segment_get_contact_count (s), error);
}

/**
 * herald_record_validate:
 * @record: any model object
 * @warning: (out) (optional) (nullable): a note about an allowed but
 *   suspicious value, or %NULL
 * @error: return location for a %HERALD_MODEL_ERROR_INVALID naming the field
 *
 * Checks the rules of the record's type.
 *
 * Returns: whether the record may be stored
 */
gboolean
herald_record_validate (HeraldRecord  *record,
                        char         **warning,
                        GError       **error)
{
  g_return_val_if_fail (HERALD_IS_RECORD (record), FALSE);

  if (warning != NULL)
    *warning = NULL;
  if (!check_uuid ("id", herald_record_get_id (record), TRUE, error))
    return FALSE;

  if (HERALD_IS_CAMPAIGN (record))
    return validate_campaign (HERALD_CAMPAIGN (record), warning, error);
  if (HERALD_IS_TEMPLATE (record))
    return validate_template (HERALD_TEMPLATE (record), error);
  if (HERALD_IS_RECIPIENT (record))
    return validate_recipient (HERALD_RECIPIENT (record), error);
  if (HERALD_IS_EVENT (record))
    return validate_event (HERALD_EVENT (record), error);
  if (HERALD_IS_VARIANT (record))
    return validate_variant (HERALD_VARIANT (record), error);
  if (HERALD_IS_PERFORMANCE_DAY (record))
    return validate_performance_day (HERALD_PERFORMANCE_DAY (record), error);
  if (HERALD_IS_CONTACT (record))
    return validate_contact (HERALD_CONTACT (record), error);
  if (HERALD_IS_SEGMENT (record))
    return validate_segment (HERALD_SEGMENT (record), error);

  g_return_val_if_reached (FALSE);
}

/**
 * herald_campaign_validate_template:
 * @campaign: a campaign
 * @template_: the template it would use
 * @error: return location for %HERALD_MODEL_ERROR_INCOMPATIBLE
 *
 * Email campaigns take email templates, SMS campaigns SMS templates, push
 * campaigns push templates; social posts are short texts, so they take SMS
 * or push templates.
 *
 * Returns: whether @template_ fits @campaign
 */
gboolean
herald_campaign_validate_template (HeraldCampaign  *campaign,
                                   HeraldTemplate  *template_,
                                   GError         **error)
{
  HeraldCampaignType ct;
  HeraldTemplateType tt;
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (HERALD_IS_TEMPLATE (template_), FALSE);

  ct = herald_campaign_get_campaign_type (campaign);
  tt = herald_template_get_template_type (template_);
  switch (ct)
    {
    case HERALD_CAMPAIGN_TYPE_EMAIL:
      ok = tt == HERALD_TEMPLATE_TYPE_EMAIL;
      break;
    case HERALD_CAMPAIGN_TYPE_SMS:
      ok = tt == HERALD_TEMPLATE_TYPE_SMS;
      break;
    case HERALD_CAMPAIGN_TYPE_PUSH:
      ok = tt == HERALD_TEMPLATE_TYPE_PUSH;
      break;
    case HERALD_CAMPAIGN_TYPE_SOCIAL:
      ok = tt == HERALD_TEMPLATE_TYPE_SMS || tt == HERALD_TEMPLATE_TYPE_PUSH;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!ok)
    g_set_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INCOMPATIBLE,
                 /* Translators: "Template": an SMS template cannot be used by an email campaign */
                 _("Template: a %s template cannot be used by a %s campaign."),
                 herald_template_type_get_display_name (tt),
                 herald_campaign_type_get_display_name (ct));
  return ok;
}

/**
 * herald_campaign_validate_schedule:
 * @campaign: a campaign about to be scheduled
 * @now: (nullable): the current time, %NULL for the clock's
 * @error: return location for a %HERALD_MODEL_ERROR_INVALID
 *
 * Returns: whether the campaign has a scheduled time in the future
 */
gboolean
herald_campaign_validate_schedule (HeraldCampaign  *campaign,
                                   GDateTime       *now,
                                   GError         **error)
{
  g_autoptr(GDateTime) clock = NULL;
  GDateTime *at;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), FALSE);

  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();
  at = herald_campaign_get_scheduled_at (campaign);
  if (at == NULL)
    return fail (error, "scheduled-at", _("“%s” is required to schedule a campaign."));
  if (g_date_time_compare (at, now) <= 0)
    return fail (error, "scheduled-at", _("“%s” must be in the future."));
  return TRUE;
}
