/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-wizard-checks.c: the campaign wizard's checklist, cost estimate,
 * sample-size hint and time-zone conversion. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "herald-contact.h"
#include "herald-format.h"
#include "herald-lint.h"
#include "herald-model.h"
#include "herald-performance-report.h"
#include "herald-renderer.h"
#include "herald-sms.h"
#include "herald-stats.h"
#include "herald-wizard-checks.h"

#define CONTACT_PAGE 256

/* The power the sample-size hint assumes, the usual 80 %. */
#define HINT_POWER 0.8

/* A URL standing in for the per-recipient one the sender fills in, so that
 * the checklist does not report it as a fallback. */
#define SAMPLE_UNSUBSCRIBE_URL "https://example.invalid/unsubscribe"

void
herald_wizard_check_free (HeraldWizardCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->code);
  g_free (check->message);
  g_free (check);
}

static void
add_check (GPtrArray        *checks,
           const char       *code,
           gboolean          blocking,
           HeraldWizardStep  step,
           char             *message)
{
  HeraldWizardCheck *check = g_new0 (HeraldWizardCheck, 1);

  check->code = g_strdup (code);
  check->blocking = blocking;
  check->step = step;
  check->message = message;
  g_ptr_array_add (checks, check);
}

/* Fills @scope with one contact; the contact has one name, which is split
 * at its first space into first and last name. */
static void
scope_set_contact (HeraldRenderScope *scope,
                   HeraldContact     *contact)
{
  const char *name = herald_contact_get_name (contact);
  const char *space = strchr (name, ' ');
  g_autofree char *first = space != NULL ? g_strndup (name, space - name) : g_strdup (name);
  const char *last = space != NULL ? space + 1 : "";
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *attributes = NULL;

  if (json_parser_load_from_data (parser, herald_contact_get_attributes (contact), -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    attributes = json_node_get_object (json_parser_get_root (parser));
  herald_render_scope_set_contact (scope, name, first, last,
                                   herald_contact_get_email (contact),
                                   herald_contact_get_phone (contact),
                                   attributes);
}

static gboolean
contact_is_reachable (HeraldContact      *contact,
                      HeraldCampaignType  type)
{
  if (herald_contact_get_unsubscribed (contact))
    return FALSE;
  switch (type)
    {
    case HERALD_CAMPAIGN_TYPE_EMAIL:
      return herald_contact_get_email (contact)[0] != '\0';
    case HERALD_CAMPAIGN_TYPE_SMS:
      return herald_contact_get_phone (contact)[0] != '\0';
    case HERALD_CAMPAIGN_TYPE_PUSH:
    case HERALD_CAMPAIGN_TYPE_SOCIAL:
    default:
      return TRUE;
    }
}

/**
 * herald_wizard_count_reachable:
 * @store: the store
 * @type: the channel
 * @max_samples: how many reachable contacts to return at most
 * @samples: (out) (optional) (transfer container) (element-type HeraldContact):
 *   the first @max_samples reachable contacts, in the store's order
 * @error: a location for an error
 *
 * Counts the contacts in @store that the channel can reach: an e-mail
 * address for e-mail, a phone number for SMS, and not unsubscribed.  The
 * store does not hold segment membership, so every contact counts.  Reads
 * page by page.
 *
 * Returns: the count, or -1 on error
 */
gint64
herald_wizard_count_reachable (HeraldStore         *store,
                               HeraldCampaignType   type,
                               guint                max_samples,
                               GPtrArray          **samples,
                               GError             **error)
{
  g_autoptr(HeraldContact) after = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 count = 0;

  g_return_val_if_fail (HERALD_IS_STORE (store), -1);

  if (samples != NULL)
    *samples = NULL;
  for (;;)
    {
      g_autoptr(GPtrArray) page = herald_store_list_contacts (store, NULL, after, CONTACT_PAGE, error);

      if (page == NULL)
        return -1;
      for (guint i = 0; i < page->len; i++)
        if (contact_is_reachable (g_ptr_array_index (page, i), type))
          {
            count++;
            if (found->len < max_samples)
              g_ptr_array_add (found, g_object_ref (g_ptr_array_index (page, i)));
          }
      if (page->len < CONTACT_PAGE)
        break;
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
    }
  if (samples != NULL)
    *samples = g_steal_pointer (&found);
  return count;
}

/**
 * herald_wizard_message_parts:
 * @campaign: a campaign
 * @template_: (nullable): its template
 *
 * Returns: how many billable messages one recipient costs: the SMS segments
 *   of an SMS template's text, 1 otherwise
 */
guint
herald_wizard_message_parts (HeraldCampaign *campaign,
                             HeraldTemplate *template_)
{
  g_autoptr(HeraldSmsCount) count = NULL;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), 1);

  if (template_ == NULL || herald_template_get_template_type (template_) != HERALD_TEMPLATE_TYPE_SMS)
    return 1;
  count = herald_sms_count (herald_template_get_body_text (template_), -1);
  return MAX (count->segments, 1);
}

/**
 * herald_wizard_estimate_cost:
 * @audience: recipients
 * @parts: billable messages per recipient
 * @cost_per_message: minor units per message
 *
 * Returns: the estimated cost in minor units (saturating, never negative)
 */
gint64
herald_wizard_estimate_cost (gint64 audience,
                             guint  parts,
                             gint64 cost_per_message)
{
  double cost;

  if (audience <= 0 || cost_per_message <= 0)
    return 0;
  cost = (double) audience * (double) MAX (parts, 1) * (double) cost_per_message;
  return cost >= (double) G_MAXINT64 ? G_MAXINT64 : (gint64) cost;
}

/**
 * herald_wizard_effective_preheader:
 * @campaign: a campaign
 * @template_: (nullable): its template
 *
 * The preheader an e-mail goes out with: the campaign's own when it has
 * one, else the template's.
 *
 * Returns: (transfer none): the preheader template, "" when there is none
 */
const char *
herald_wizard_effective_preheader (HeraldCampaign *campaign,
                                   HeraldTemplate *template_)
{
  const char *own;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), "");
  g_return_val_if_fail (template_ == NULL || HERALD_IS_TEMPLATE (template_), "");

  own = herald_campaign_get_preheader (campaign);
  if (own != NULL && own[0] != '\0')
    return own;
  if (template_ != NULL && herald_template_get_preheader (template_) != NULL)
    return herald_template_get_preheader (template_);
  return "";
}

/**
 * herald_wizard_preview_free:
 * @preview: (nullable): a preview
 */
void
herald_wizard_preview_free (HeraldWizardPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->subject);
  g_free (preview->preheader);
  g_free (preview->html);
  g_free (preview->text);
  g_free (preview);
}

static gboolean
render_into (char              **out,
             const char         *source,
             HeraldRenderScope  *scope,
             HeraldOutputKind    kind,
             GError            **error)
{
  /* HERALD_RENDER_NONE, as sending: an unknown variable renders as
   * nothing, not as its tag. */
  *out = herald_render (source != NULL ? source : "", -1, scope, kind, HERALD_RENDER_NONE, NULL, error);
  return *out != NULL;
}

/**
 * herald_wizard_render_preview:
 * @campaign: the campaign as the wizard would save it
 * @template_: its template
 * @variant: (nullable): an A/B variant: its subject, and its body when
 *   @body_html is not %NULL (for e-mail the HTML part, else the text)
 * @contact: (nullable): the contact to render for; %NULL for the
 *   template's variable defaults only
 * @error: where a syntax error of the template goes
 *
 * Renders the message as sending does: herald_render() with
 * %HERALD_RENDER_NONE, the contact's name, address, phone and attributes,
 * the template's variable defaults and a stand-in unsubscribe URL; the
 * effective preheader (herald_wizard_effective_preheader()).
 *
 * Returns: (transfer full) (nullable): the message, %NULL on a syntax error
 */
HeraldWizardPreview *
herald_wizard_render_preview (HeraldCampaign             *campaign,
                              HeraldTemplate             *template_,
                              const HeraldWizardSubject  *variant,
                              HeraldContact              *contact,
                              GError                    **error)
{
  g_autoptr(HeraldWizardPreview) preview = g_new0 (HeraldWizardPreview, 1);
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  HeraldTemplateType type;
  const char *subject, *body;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (HERALD_IS_TEMPLATE (template_), NULL);
  g_return_val_if_fail (contact == NULL || HERALD_IS_CONTACT (contact), NULL);

  if (contact != NULL)
    scope_set_contact (scope, contact);
  if (!herald_render_scope_set_defaults_from_json (scope, herald_template_get_variables (template_), error))
    return NULL;
  herald_render_scope_set_value (scope, "unsubscribe_url", SAMPLE_UNSUBSCRIBE_URL);

  type = herald_template_get_template_type (template_);
  subject = variant != NULL ? variant->subject : herald_template_get_subject (template_);
  body = variant != NULL && variant->body_html != NULL ? variant->body_html : NULL;
  switch (type)
    {
    case HERALD_TEMPLATE_TYPE_EMAIL:
      if (!render_into (&preview->subject, subject, scope, HERALD_OUTPUT_TEXT, error)
          || !render_into (&preview->preheader, herald_wizard_effective_preheader (campaign, template_),
                           scope, HERALD_OUTPUT_TEXT, error)
          || !render_into (&preview->html, body != NULL ? body : herald_template_get_body_html (template_),
                           scope, HERALD_OUTPUT_HTML, error)
          || !render_into (&preview->text, herald_template_get_body_text (template_), scope, HERALD_OUTPUT_TEXT, error))
        return NULL;
      break;
    case HERALD_TEMPLATE_TYPE_SMS:
      if (!render_into (&preview->text, body != NULL ? body : herald_template_get_body_text (template_),
                        scope, HERALD_OUTPUT_SMS, error))
        return NULL;
      break;
    case HERALD_TEMPLATE_TYPE_PUSH:
    default:
      if (!render_into (&preview->subject, subject, scope, HERALD_OUTPUT_PUSH, error)
          || !render_into (&preview->text, body != NULL ? body : herald_template_get_body_text (template_),
                           scope, HERALD_OUTPUT_PUSH, error))
        return NULL;
      break;
    }
  return g_steal_pointer (&preview);
}

/* The variables a campaign can use: the standard ones, the template's and
 * every attribute name seen on a contact. */
static GStrv
known_variables (HeraldTemplate *template_,
                 GHashTable     *attribute_names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  g_auto(GStrv) names = NULL;
  GHashTableIter iter;
  gpointer key;

  g_strv_builder_addv (builder, (const char **) herald_render_standard_variables ());
  if (herald_render_scope_set_defaults_from_json (scope, herald_template_get_variables (template_), NULL))
    {
      names = herald_render_scope_dup_names (scope);
      g_strv_builder_addv (builder, (const char **) names);
    }
  g_hash_table_iter_init (&iter, attribute_names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  return g_strv_builder_end (builder);
}

static void
collect_attribute_names (HeraldContact *contact,
                         GHashTable    *names)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;

  if (!json_parser_load_from_data (parser, herald_contact_get_attributes (contact), -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  members = json_object_get_members (json_node_get_object (json_parser_get_root (parser)));
  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (names, g_strdup (l->data));
}

/* Counts, per variable, the contacts for whom @parsed would use a fallback. */
static void
count_fallbacks (HeraldParsedTemplate *parsed,
                 HeraldRenderScope    *scope,
                 GHashTable           *counts,
                 GHashTable           *seen)
{
  g_auto(GStrv) names = NULL;

  if (parsed == NULL)
    return;
  names = herald_parsed_template_dup_fallbacks (parsed, scope);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_hash_table_contains (seen, names[i]))
        continue;
      g_hash_table_add (seen, g_strdup (names[i]));
      g_hash_table_insert (counts, g_strdup (names[i]),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, names[i])) + 1));
    }
}

/* Walks the contacts once: attribute names, and how many contacts of the
 * channel would hit a fallback of each variable. */
static void
scan_contacts (HeraldStore        *store,
               HeraldCampaign     *campaign,
               HeraldTemplate     *template_,
               const char * const *sources,
               guint               n_sources,
               GHashTable         *attribute_names,
               GHashTable         *fallbacks)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_parsed_template_unref);
  g_autoptr(HeraldContact) after = NULL;
  HeraldCampaignType type = herald_campaign_get_campaign_type (campaign);

  for (guint i = 0; i < n_sources; i++)
    if (sources[i] != NULL && sources[i][0] != '\0')
      g_ptr_array_add (parsed, herald_parsed_template_new_lenient (sources[i], -1, NULL));

  for (;;)
    {
      g_autoptr(GPtrArray) page = herald_store_list_contacts (store, NULL, after, CONTACT_PAGE, NULL);

      if (page == NULL)
        return;
      for (guint i = 0; i < page->len; i++)
        {
          HeraldContact *contact = g_ptr_array_index (page, i);
          g_autoptr(HeraldRenderScope) scope = NULL;
          g_autoptr(GHashTable) seen = NULL;

          collect_attribute_names (contact, attribute_names);
          if (!contact_is_reachable (contact, type))
            continue;
          scope = herald_render_scope_new ();
          seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          scope_set_contact (scope, contact);
          herald_render_scope_set_defaults_from_json (scope, herald_template_get_variables (template_), NULL);
          herald_render_scope_set_value (scope, "unsubscribe_url", SAMPLE_UNSUBSCRIBE_URL);
          for (guint j = 0; j < parsed->len; j++)
            count_fallbacks (g_ptr_array_index (parsed, j), scope, fallbacks, seen);
        }
      if (page->len < CONTACT_PAGE)
        return;
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
    }
}

/* Adds the findings of one subject and body.  Variants that share the
 * template's body report its findings once (@include_body only for the
 * first); a variant's name prefixes what is its own: the subject, or a body
 * of its own (@own_body).  The preheader is the same for every variant, so
 * its findings come with the first only (@include_preheader). */
static void
add_lint_findings (GPtrArray  *checks,
                   GPtrArray  *findings,
                   const char *variant,
                   gboolean    include_body,
                   gboolean    own_body,
                   gboolean    include_preheader)
{
  /* Whether a finding blocks is the linter's call (its error severity). */
  static const struct {
    const char *lint;
    const char *code;
  } map[] = {
    { HERALD_LINT_UNKNOWN_VARIABLE, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE },
    { HERALD_LINT_MISSING_UNSUBSCRIBE, HERALD_WIZARD_CHECK_MISSING_UNSUBSCRIBE },
    { HERALD_LINT_LINK_NOT_HTTP, HERALD_WIZARD_CHECK_LINK_NOT_HTTP },
    { HERALD_LINT_DANGEROUS_LINK, HERALD_WIZARD_CHECK_LINK_NOT_HTTP },
    { HERALD_LINT_IMAGE_WITHOUT_ALT, HERALD_WIZARD_CHECK_IMAGE_WITHOUT_ALT },
  };

  for (guint i = 0; i < findings->len; i++)
    {
      const HeraldLintFinding *finding = g_ptr_array_index (findings, i);
      gboolean in_subject = finding->part == HERALD_LINT_PART_SUBJECT;
      gboolean in_preheader = finding->part == HERALD_LINT_PART_PREHEADER;

      if (in_preheader && !include_preheader)
        continue;
      if (!in_subject && !in_preheader && !include_body)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (map); j++)
        if (g_strcmp0 (finding->code, map[j].lint) == 0)
          add_check (checks, map[j].code, finding->severity == HERALD_LINT_ERROR, HERALD_WIZARD_STEP_CONTENT,
                     variant != NULL && (in_subject || (own_body && !in_preheader))
                     /* Translators: an A/B variant's letter and a finding about its content. */
                     ? g_strdup_printf (_("Variant %s: %s"), variant, finding->message)
                     : g_strdup (finding->message));
    }
}

/**
 * herald_wizard_check_campaign:
 * @store: (nullable): the store, for the contacts (fallback detection)
 * @campaign: the campaign as the wizard would save it
 * @template_: (nullable): its template
 * @subjects: (array length=n_subjects) (nullable): the A/B variants'
 *   subjects and bodies; none means the template's own
 * @n_subjects: their number
 * @cost_per_message: minor units per billable message, for the estimate
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Runs the review checklist: missing segment, template or subject, a
 * template of the wrong type, unknown variables, variables that will use
 * their fallback for some contacts, an e-mail without unsubscribe link,
 * links that are not http(s), images without alt text, SMS longer than one
 * segment, a schedule in the past and a budget the estimate exceeds.
 *
 * Returns: (transfer full) (element-type HeraldWizardCheck): the findings,
 *   blocking ones first within each step
 */
GPtrArray *
herald_wizard_check_campaign (HeraldStore               *store,
                              HeraldCampaign            *campaign,
                              HeraldTemplate            *template_,
                              const HeraldWizardSubject *subjects,
                              guint                      n_subjects,
                              gint64                     cost_per_message,
                              GDateTime                 *now)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_wizard_check_free);
  g_autoptr(GDateTime) clock_now = NULL;
  HeraldCampaignType type;
  GDateTime *scheduled_at;
  guint parts;
  gint64 cost;

  g_return_val_if_fail (store == NULL || HERALD_IS_STORE (store), NULL);
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (template_ == NULL || HERALD_IS_TEMPLATE (template_), NULL);

  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();
  type = herald_campaign_get_campaign_type (campaign);

  if (herald_campaign_get_segment_id (campaign) == NULL || herald_campaign_get_segment_id (campaign)[0] == '\0')
    add_check (checks, HERALD_WIZARD_CHECK_MISSING_SEGMENT, TRUE, HERALD_WIZARD_STEP_AUDIENCE,
               g_strdup (_("No segment is chosen: choose who receives the campaign.")));

  if (template_ == NULL)
    add_check (checks, HERALD_WIZARD_CHECK_MISSING_TEMPLATE, TRUE, HERALD_WIZARD_STEP_CONTENT,
               g_strdup (_("No template is chosen: choose the message to send.")));
  else
    {
      g_autoptr(GError) error = NULL;

      if (!herald_campaign_validate_template (campaign, template_, &error))
        add_check (checks, HERALD_WIZARD_CHECK_TEMPLATE_TYPE, TRUE, HERALD_WIZARD_STEP_CONTENT,
                   g_strdup (error->message));
    }

  if (template_ != NULL)
    {
      g_autoptr(GHashTable) attribute_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) fallbacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      g_auto(GStrv) known = NULL;
      HeraldWizardSubject own = {
        NULL,
        herald_template_get_subject (template_),
        NULL,
      };
      const HeraldWizardSubject *list = n_subjects > 0 ? subjects : &own;
      guint n_list = n_subjects > 0 ? n_subjects : 1;
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < n_list; i++)
        {
          g_ptr_array_add (sources, (gpointer) list[i].subject);
          g_ptr_array_add (sources, (gpointer) (list[i].body_html != NULL ? list[i].body_html
                                                                          : herald_template_get_body_html (template_)));
        }
      g_ptr_array_add (sources, (gpointer) herald_template_get_body_text (template_));
      if (type == HERALD_CAMPAIGN_TYPE_EMAIL)
        g_ptr_array_add (sources, (gpointer) herald_wizard_effective_preheader (campaign, template_));
      if (store != NULL)
        scan_contacts (store, campaign, template_, (const char * const *) sources->pdata, sources->len,
                       attribute_names, fallbacks);
      known = known_variables (template_, attribute_names);

      if (type == HERALD_CAMPAIGN_TYPE_EMAIL)
        {
          gboolean shared_done = FALSE;

          for (guint i = 0; i < n_list; i++)
            {
              const char *html = list[i].body_html != NULL ? list[i].body_html
                                                           : herald_template_get_body_html (template_);
              g_autoptr(GPtrArray) findings = NULL;

              g_autofree char *stripped = g_strstrip (g_strdup (list[i].subject != NULL ? list[i].subject : ""));

              if (stripped[0] == '\0')
                add_check (checks, HERALD_WIZARD_CHECK_MISSING_SUBJECT, TRUE, HERALD_WIZARD_STEP_CONTENT,
                           list[i].name != NULL
                           ? g_strdup_printf (_("Variant %s has no subject."), list[i].name)
                           : g_strdup (_("The e-mail has no subject.")));
              findings = herald_lint_email (list[i].subject, herald_wizard_effective_preheader (campaign, template_),
                                            html, herald_template_get_body_text (template_),
                                            (const char * const *) known);
              add_lint_findings (checks, findings, list[i].name,
                                 list[i].body_html != NULL || !shared_done, list[i].body_html != NULL, i == 0);
              if (list[i].body_html == NULL)
                shared_done = TRUE;
            }
        }
      else if (herald_template_get_template_type (template_) == HERALD_TEMPLATE_TYPE_SMS)
        {
          g_autoptr(GPtrArray) findings = herald_lint_sms (herald_template_get_body_text (template_),
                                                           (const char * const *) known);
          g_autoptr(HeraldSmsCount) count = herald_sms_count (herald_template_get_body_text (template_), -1);

          add_lint_findings (checks, findings, NULL, TRUE, FALSE, TRUE);
          if (count->segments > 1)
            {
              g_autofree char *per = herald_format_money ((gint64) count->segments * cost_per_message,
                                                          herald_campaign_get_currency (campaign));

              add_check (checks, HERALD_WIZARD_CHECK_SMS_SEGMENTS, FALSE, HERALD_WIZARD_STEP_CONTENT,
                         g_strdup_printf (ngettext ("The SMS is longer than one message: it is sent as %u part and costs %s per recipient.",
                                                    "The SMS is longer than one message: it is sent as %u parts and costs %s per recipient.",
                                                    count->segments),
                                          count->segments, per));
            }
        }
      else
        {
          g_autoptr(GPtrArray) findings = herald_lint_push (herald_template_get_subject (template_),
                                                            herald_template_get_body_text (template_),
                                                            (const char * const *) known);

          add_lint_findings (checks, findings, NULL, TRUE, FALSE, TRUE);
        }

      g_hash_table_iter_init (&iter, fallbacks);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *n = herald_format_count (GPOINTER_TO_INT (value));

          add_check (checks, HERALD_WIZARD_CHECK_FALLBACK, FALSE, HERALD_WIZARD_STEP_CONTENT,
                     g_strdup_printf (ngettext ("“%s” has no value for %s contact, who gets the fallback.",
                                                "“%s” has no value for %s contacts, who get the fallback.",
                                                GPOINTER_TO_INT (value)),
                                      (const char *) key, n));
        }
    }

  scheduled_at = herald_campaign_get_scheduled_at (campaign);
  if (scheduled_at != NULL && g_date_time_compare (scheduled_at, now) <= 0)
    add_check (checks, HERALD_WIZARD_CHECK_SCHEDULE_PAST, TRUE, HERALD_WIZARD_STEP_SCHEDULE,
               g_strdup (_("The scheduled time is in the past: choose a later one.")));

  parts = herald_wizard_message_parts (campaign, template_);
  cost = herald_wizard_estimate_cost (herald_campaign_get_target_count (campaign), parts, cost_per_message);
  if (herald_campaign_get_budget (campaign) > 0 && cost > herald_campaign_get_budget (campaign))
    {
      g_autofree char *cost_text = herald_format_money (cost, herald_campaign_get_currency (campaign));
      g_autofree char *budget_text = herald_format_money (herald_campaign_get_budget (campaign),
                                                          herald_campaign_get_currency (campaign));

      add_check (checks, HERALD_WIZARD_CHECK_BUDGET_EXCEEDED, FALSE, HERALD_WIZARD_STEP_SCHEDULE,
                 /* Translators: the estimated cost and the budget, both amounts of money. */
                 g_strdup_printf (_("The estimated cost of %s exceeds the budget of %s."), cost_text, budget_text));
    }

  return g_steal_pointer (&checks);
}

/**
 * herald_wizard_checks_count:
 * @checks: (element-type HeraldWizardCheck): a checklist
 * @code: a HERALD_WIZARD_CHECK_* code
 *
 * Returns: how many items of @checks have @code
 */
guint
herald_wizard_checks_count (GPtrArray  *checks,
                            const char *code)
{
  guint n = 0;

  g_return_val_if_fail (checks != NULL, 0);

  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (((HeraldWizardCheck *) g_ptr_array_index (checks, i))->code, code) == 0)
      n++;
  return n;
}

/**
 * herald_wizard_checks_blocking:
 * @checks: (element-type HeraldWizardCheck): a checklist
 *
 * Returns: %TRUE if an item of @checks blocks scheduling
 */
gboolean
herald_wizard_checks_blocking (GPtrArray *checks)
{
  g_return_val_if_fail (checks != NULL, FALSE);

  for (guint i = 0; i < checks->len; i++)
    if (((HeraldWizardCheck *) g_ptr_array_index (checks, i))->blocking)
      return TRUE;
  return FALSE;
}

/**
 * herald_wizard_dup_last_sync:
 * @store: the store
 *
 * When the store last pulled from the CRM: store_meta
 * %HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, which the sync engine writes
 * after a successful pull.
 *
 * Returns: (transfer full) (nullable): a UTC time, %NULL when the store has
 *   never synced
 */
GDateTime *
herald_wizard_dup_last_sync (HeraldStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);

  value = herald_store_get_meta (store, HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL);
  return value != NULL ? g_date_time_new_from_iso8601 (value, NULL) : NULL;
}

/**
 * herald_wizard_segment_subtitle:
 * @segment: a segment
 * @last_sync: (nullable): the store's last sync (herald_wizard_dup_last_sync())
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * The line under a segment: its contact count and how current it is.  A
 * segment is "synced 2 hours ago" only when the store has synced and the
 * segment is as the CRM had it then; its own updated-at says when the
 * record last changed, which is not the same.  Otherwise the count is the
 * one stored on this computer, and the line says so.
 *
 * Returns: (transfer full): the translated line
 */
char *
herald_wizard_segment_subtitle (HeraldSegment *segment,
                                GDateTime     *last_sync,
                                GDateTime     *now)
{
  gint64 n;
  g_autofree char *count = NULL;

  g_return_val_if_fail (HERALD_IS_SEGMENT (segment), NULL);

  n = herald_segment_get_contact_count (segment);
  count = herald_format_count (n);
  if (last_sync != NULL && herald_record_get_sync_state (HERALD_RECORD (segment)) == HERALD_SYNC_STATE_SYNCED)
    {
      g_autofree char *ago = herald_format_relative (last_sync, now);

      /* Translators: a segment's contact count and when the store last synced, such as "1,234 contacts · synced 2 hours ago". */
      return g_strdup_printf (ngettext ("%s contact · synced %s", "%s contacts · synced %s", n), count, ago);
    }
  /* Translators: a segment's contact count when the store has never synced with the CRM (or the segment changed since). */
  return g_strdup_printf (ngettext ("%s contact · not synced yet", "%s contacts · not synced yet", n), count);
}

/**
 * herald_wizard_send_now_problem:
 * @online: whether the network is available (GNetworkMonitor)
 * @crm_configured: whether a CRM server is set up to send through
 *
 * Sending now hands the campaign to the CRM at once, which needs both a
 * network and a CRM server.
 *
 * Returns: (transfer full) (nullable): why "send now" is refused, naming
 *   each missing piece; %NULL when nothing is missing
 */
char *
herald_wizard_send_now_problem (gboolean online,
                                gboolean crm_configured)
{
  if (!online && !crm_configured)
    return g_strdup (_("Cannot send now: this computer is offline, and no CRM server is configured."));
  if (!online)
    return g_strdup (_("Cannot send now: this computer is offline."));
  if (!crm_configured)
    return g_strdup (_("Cannot send now: no CRM server is configured, and nothing leaves this computer without one."));
  return NULL;
}

/**
 * herald_wizard_baseline_rate:
 * @metric: the winner metric
 *
 * Returns: a typical rate of @metric for e-mail campaigns, used as the
 *   baseline of the sample-size hint (20 % opens, 3 % clicks, 1 %
 *   conversions)
 */
double
herald_wizard_baseline_rate (HeraldWinnerMetric metric)
{
  switch (metric)
    {
    case HERALD_WINNER_METRIC_CLICK_RATE:
      return 0.03;
    case HERALD_WINNER_METRIC_CONVERSION_RATE:
      return 0.01;
    case HERALD_WINNER_METRIC_OPEN_RATE:
    default:
      return 0.20;
    }
}

/**
 * herald_wizard_sample_size_hint:
 * @audience: the campaign's recipients
 * @test_percent: the share of them in the test, 1..100
 * @n_variants: the variants the test group is split into (≥ 2)
 * @metric: what decides the winner
 * @baseline: the expected rate of the metric, 0..1
 * @confidence: the confidence level, such as 0.95
 *
 * Tells the smallest difference the test can detect with 80 % power
 * (herald_stats_minimum_detectable_difference(), two-sided), as a sentence
 * such as "With 10 % of 20,000 and a baseline open rate of 20 %, a
 * difference of 5.2 points can be detected at 95 % confidence."
 *
 * Returns: (transfer full): the translated sentence
 */
char *
herald_wizard_sample_size_hint (gint64             audience,
                                int                test_percent,
                                guint              n_variants,
                                HeraldWinnerMetric metric,
                                double             baseline,
                                double             confidence)
{
  g_autofree char *share = herald_format_percent (test_percent / 100.0, 0);
  g_autofree char *total = herald_format_count (MAX (audience, 0));
  g_autofree char *base = herald_format_percent (baseline, baseline < 0.1 ? 1 : 0);
  g_autofree char *level = herald_format_percent (confidence, 0);
  g_autofree char *points = NULL;
  guint64 per_group;
  double difference = 0;

  n_variants = MAX (n_variants, 2);
  per_group = (guint64) (MAX (audience, 0) * (gint64) CLAMP (test_percent, 0, 100) / 100) / n_variants;
  if (per_group < 2
      || !herald_stats_minimum_detectable_difference (per_group, baseline, 1.0 - confidence, HINT_POWER, &difference))
    return g_strdup_printf (_("With %s of %s, each variant gets too few recipients to tell a difference."),
                            share, total);

  points = herald_format_decimal (difference * 100.0, 1);
  switch (metric)
    {
    case HERALD_WINNER_METRIC_CLICK_RATE:
      /* Translators: test share, audience, baseline rate, difference in percentage points, confidence. */
      return g_strdup_printf (_("With %s of %s and a baseline click rate of %s, a difference of %s points can be detected at %s confidence."),
                              share, total, base, points, level);
    case HERALD_WINNER_METRIC_CONVERSION_RATE:
      /* Translators: test share, audience, baseline rate, difference in percentage points, confidence. */
      return g_strdup_printf (_("With %s of %s and a baseline conversion rate of %s, a difference of %s points can be detected at %s confidence."),
                              share, total, base, points, level);
    case HERALD_WINNER_METRIC_OPEN_RATE:
    default:
      /* Translators: test share, audience, baseline rate, difference in percentage points, confidence. */
      return g_strdup_printf (_("With %s of %s and a baseline open rate of %s, a difference of %s points can be detected at %s confidence."),
                              share, total, base, points, level);
    }
}

/**
 * herald_wizard_local_to_utc:
 * @time_zone: an IANA time-zone identifier such as "Europe/Berlin"
 * @year: year
 * @month: month 1..12
 * @day: day of month
 * @hour: hour 0..23
 * @minute: minute 0..59
 *
 * Converts a wall-clock time in @time_zone to UTC.  A time that a
 * daylight-saving change skips (Europe/Berlin, 28 March 2027, 02:30) does
 * not exist: GLib would quietly move it an hour on, so it is refused.  A
 * time that occurs twice when the clocks go back is taken in standard
 * time (the second pass), as GLib does.
 *
 * Returns: (transfer full) (nullable): the UTC time, or %NULL for an unknown
 *   zone, an impossible date or a time the zone skips
 */
GDateTime *
herald_wizard_local_to_utc (const char *time_zone,
                            int         year,
                            int         month,
                            int         day,
                            int         hour,
                            int         minute)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time_zone != NULL, NULL);

  tz = g_time_zone_new_identifier (time_zone);
  if (tz == NULL)
    return NULL;
  local = g_date_time_new (tz, year, month, day, hour, minute, 0);
  if (local == NULL)
    return NULL;
  if (g_date_time_get_day_of_month (local) != day || g_date_time_get_hour (local) != hour
      || g_date_time_get_minute (local) != minute)
    return NULL;
  return g_date_time_to_utc (local);
}

/**
 * herald_wizard_default_time_zone:
 *
 * Returns: (transfer full): the user's time zone as an IANA identifier,
 *   or "UTC" when it has none
 */
char *
herald_wizard_default_time_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) check = NULL;

  if (id == NULL || id[0] == ':' || id[0] == '/' || g_str_equal (id, "Local"))
    return g_strdup ("UTC");
  check = g_time_zone_new_identifier (id);
  return g_strdup (check != NULL ? id : "UTC");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * herald_wizard_list_time_zones:
 *
 * Returns: (transfer full): the IANA zones of the system (zone1970.tab),
 *   sorted, with "UTC" and the user's zone
 */
GStrv
herald_wizard_list_time_zones (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &contents, NULL, NULL)
      || g_file_get_contents ("/usr/share/zoneinfo/zone.tab", &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (fields) >= 3)
            g_ptr_array_add (zones, g_strdup (fields[2]));
        }
    }
  g_ptr_array_add (zones, g_strdup ("UTC"));
  /* The user's own zone may be a link that zone1970.tab leaves out. */
  g_ptr_array_add (zones, herald_wizard_default_time_zone ());
  g_ptr_array_sort (zones, compare_strings);
  for (guint i = 0; i < zones->len; i++)
    if (i == 0 || g_strcmp0 (zones->pdata[i], zones->pdata[i - 1]) != 0)
      g_strv_builder_add (builder, zones->pdata[i]);
  return g_strv_builder_end (builder);
}

/**
 * herald_wizard_list_currencies:
 *
 * Returns: (transfer full): the ISO 4217 codes (from iso-codes), sorted;
 *   a short list of common ones when iso-codes is not installed
 */
GStrv
herald_wizard_list_currencies (void)
{
  static const char * const common[] = { "CHF", "EUR", "GBP", "JPY", "USD", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *root;
  JsonArray *list;

  if (!json_parser_load_from_file (parser, "/usr/share/iso-codes/json/iso_4217.json", NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || (root = json_node_get_object (json_parser_get_root (parser))) == NULL
      || !json_object_has_member (root, "4217")
      || (list = json_object_get_array_member (root, "4217")) == NULL
      || json_array_get_length (list) == 0)
    return g_strdupv ((char **) common);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      const char *code = entry != NULL ? json_object_get_string_member_with_default (entry, "alpha_3", NULL) : NULL;

      if (code != NULL && strlen (code) == 3)
        g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}
