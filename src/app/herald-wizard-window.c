/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-wizard-window.c: the campaign builder: basics, audience, content
 * (with A/B test), schedule and budget, review.  Every step validates as
 * people type; the campaign is saved as a draft on every step change. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-dialogs.h"
#include "herald-window.h"
#include "herald-wizard-window.h"

#define MAX_VARIANTS 5

/* Contacts offered for the preview: enough to pick a typical and an
 * unusual one, few enough for a drop-down. */
#define MAX_SAMPLES 50

typedef enum {
  MODE_DRAFT,
  MODE_NOW,
  MODE_SCHEDULE,
} ScheduleMode;

struct _HeraldWizardWindow
{
  AdwWindow            parent_instance;

  HeraldApplication   *application;
  HeraldStore         *store;
  GSettings           *settings;
  HeraldCampaign      *campaign;
  HeraldWizardStep     step;
  gboolean             loading;
  gboolean             closing;
  gboolean             show_all_errors;
  char                *reason;
  GHashTable          *fields;
  GHashTable          *errors;
  GHashTable          *touched;

  /* Template children. */
  AdwWindowTitle      *window_title;
  GtkBox              *step_indicator;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkButton           *back_button;
  GtkLabel            *reason_label;
  GtkButton           *save_draft_button;
  GtkButton           *next_button;

  GtkWidget           *step_buttons[HERALD_WIZARD_N_STEPS];

  /* Basics. */
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  GtkFlowBox          *type_box;
  AdwComboRow         *currency_row;
  GStrv                currencies;
  AdwEntryRow         *budget_row;
  GtkWidget           *sender_group;
  AdwEntryRow         *from_name_row;
  AdwEntryRow         *from_address_row;
  AdwEntryRow         *reply_to_row;

  /* Audience. */
  GtkSearchEntry      *segment_search;
  GtkListBox          *segment_list;
  GPtrArray           *segments;
  char                *segment_id;
  GtkLabel            *reach_label;
  GPtrArray           *samples;
  gint64               reachable;

  /* Content. */
  GtkListBox          *template_list;
  GPtrArray           *templates;
  char                *template_id;
  GtkWidget           *new_template_button;
  GtkWindow           *editor_window;
  HeraldTemplateEditor *editor;
  GtkWidget           *duplicate_button;
  AdwActionRow        *subject_row;
  AdwEntryRow         *preheader_row;
  GtkLabel            *preheader_hint;
  AdwComboRow         *sample_row;
  AdwComboRow         *variant_row;
  GtkWidget           *preview_switcher;
  GtkWidget           *mobile_button;
  GtkStack            *preview_stack;
  HeraldTemplatePreview *preview;
  GtkLabel            *preview_title;
  GtkLabel            *preview_text;
  GtkLabel            *preview_error;
  HeraldWizardPreview *shown;
  AdwExpanderRow      *ab_row;
  GtkSpinButton       *variants_spin;
  AdwEntryRow         *variant_subject[MAX_VARIANTS];
  AdwComboRow         *variant_template[MAX_VARIANTS];
  GtkSpinButton       *test_percent_spin;
  AdwComboRow         *metric_row;
  GtkSpinButton       *wait_spin;
  AdwComboRow         *confidence_row;
  AdwComboRow         *no_winner_row;
  GtkLabel            *hint_label;

  /* Schedule and budget. */
  GtkCheckButton      *mode_buttons[3];
  GtkWidget           *now_box;
  GtkLabel            *now_label;
  GNetworkMonitor     *network_monitor;
  GtkWidget           *schedule_group;
  GtkCalendar         *calendar;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  AdwComboRow         *zone_row;
  GStrv                zones;
  GtkLabel            *utc_label;
  AdwEntryRow         *cost_row;
  GtkLabel            *estimate_label;

  /* Review. */
  GtkBox              *review_box;
  GPtrArray           *checks;
};

G_DEFINE_FINAL_TYPE (HeraldWizardWindow, herald_wizard_window, ADW_TYPE_WINDOW)

static const double confidence_levels[] = { 0.90, 0.95, 0.99 };

static void update_validity (HeraldWizardWindow *self);
static void update_schedule_labels (HeraldWizardWindow *self);
static void refresh_templates (HeraldWizardWindow *self);
static void update_preview (HeraldWizardWindow *self);
static void apply_to_campaign (HeraldWizardWindow *self);
static void rebuild_review (HeraldWizardWindow *self);

/* Helpers */

static const char *
step_title (HeraldWizardStep step)
{
  switch (step)
    {
    case HERALD_WIZARD_STEP_BASICS: return _("Basics");
    case HERALD_WIZARD_STEP_AUDIENCE: return _("Audience");
    case HERALD_WIZARD_STEP_CONTENT: return _("Content");
    case HERALD_WIZARD_STEP_SCHEDULE: return _("Schedule & Budget");
    case HERALD_WIZARD_STEP_REVIEW: return _("Review");
    case HERALD_WIZARD_N_STEPS:
    default: g_assert_not_reached ();
    }
}

static const char *step_names[] = { "basics", "audience", "content", "schedule", "review" };
static const char *page_fields[] = { "page-basics", "page-audience", "page-content", "page-schedule", "page-review" };

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
register_field (HeraldWizardWindow *self,
                const char         *name,
                GtkWidget          *widget,
                GtkWidget          *error_label)
{
  g_hash_table_insert (self->fields, (gpointer) name, widget);
  if (error_label != NULL)
    g_hash_table_insert (self->errors, (gpointer) name, error_label);
}

static GtkWidget *
error_label_new (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (box, label);
  return label;
}

/* Shows @message next to the field, once the person touched it (or tried to
 * go on); returns whether the field is fine. */
static gboolean
set_field_error (HeraldWizardWindow *self,
                 const char         *name,
                 const char         *message)
{
  GtkWidget *label = g_hash_table_lookup (self->errors, name);
  GtkWidget *field = g_hash_table_lookup (self->fields, name);
  gboolean show = message != NULL && (self->show_all_errors || g_hash_table_contains (self->touched, name));

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
      gtk_widget_set_visible (label, show);
    }
  if (field != NULL)
    {
      if (show)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }
  return message == NULL;
}

static GtkBox *
add_page (HeraldWizardWindow *self,
          HeraldWizardStep    step,
          const char         *description)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (step_title (step));
  GtkWidget *desc = gtk_label_new (description);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (desc), TRUE);
  gtk_label_set_xalign (GTK_LABEL (desc), 0);
  gtk_widget_add_css_class (desc, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), desc);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, step_names[step]);
  register_field (self, page_fields[step], box, NULL);
  return GTK_BOX (box);
}

static GtkWidget *
group_new (GtkBox     *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (page, group);
  return group;
}

static AdwEntryRow *
entry_row_new (HeraldWizardWindow *self,
               GtkWidget          *group,
               const char         *title);

static void
field_changed_cb (GtkEditable        *editable,
                  HeraldWizardWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (editable), "herald-field");

  if (self->loading)
    return;
  if (name != NULL)
    g_hash_table_add (self->touched, (gpointer) name);
  if (self->step == HERALD_WIZARD_STEP_SCHEDULE)
    update_schedule_labels (self);
  if (self->step == HERALD_WIZARD_STEP_CONTENT)
    update_preview (self);
  update_validity (self);
}

static AdwEntryRow *
entry_row_new (HeraldWizardWindow *self,
               GtkWidget          *group,
               const char         *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, 0);
  return ADW_ENTRY_ROW (row);
}

static void
name_field (GtkWidget  *widget,
            const char *name)
{
  g_object_set_data (G_OBJECT (widget), "herald-field", (gpointer) name);
}

static HeraldCampaignType
selected_type (HeraldWizardWindow *self)
{
  GList *selected = gtk_flow_box_get_selected_children (self->type_box);
  int type = HERALD_CAMPAIGN_TYPE_EMAIL;

  if (selected != NULL)
    type = gtk_flow_box_child_get_index (selected->data);
  g_list_free (selected);
  return type;
}

static const char *
selected_currency (HeraldWizardWindow *self)
{
  guint i = adw_combo_row_get_selected (self->currency_row);

  return i < g_strv_length (self->currencies) ? self->currencies[i] : herald_default_currency ();
}

static HeraldTemplate *
find_template (HeraldWizardWindow *self,
               const char         *id)
{
  if (id == NULL || self->templates == NULL)
    return NULL;
  for (guint i = 0; i < self->templates->len; i++)
    if (g_strcmp0 (herald_record_get_id (g_ptr_array_index (self->templates, i)), id) == 0)
      return g_ptr_array_index (self->templates, i);
  return NULL;
}

static HeraldSegment *
find_segment (HeraldWizardWindow *self,
              const char         *id)
{
  if (id == NULL || self->segments == NULL)
    return NULL;
  for (guint i = 0; i < self->segments->len; i++)
    if (g_strcmp0 (herald_record_get_id (g_ptr_array_index (self->segments, i)), id) == 0)
      return g_ptr_array_index (self->segments, i);
  return NULL;
}

static gint64
audience_size (HeraldWizardWindow *self)
{
  HeraldSegment *segment = find_segment (self, self->segment_id);

  return segment != NULL ? herald_segment_get_contact_count (segment) : 0;
}

static gboolean
ab_enabled (HeraldWizardWindow *self)
{
  return adw_expander_row_get_enable_expansion (self->ab_row);
}

static guint
n_variants (HeraldWizardWindow *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->variants_spin);
}

static ScheduleMode
schedule_mode (HeraldWizardWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->mode_buttons); i++)
    if (gtk_check_button_get_active (self->mode_buttons[i]))
      return i;
  return MODE_DRAFT;
}

static const char *
variant_body (HeraldWizardWindow *self,
              guint               i)
{
  guint selected = adw_combo_row_get_selected (self->variant_template[i]);
  HeraldTemplate *template_;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->templates->len)
    return NULL;
  template_ = g_ptr_array_index (self->templates, selected - 1);
  return herald_template_get_template_type (template_) == HERALD_TEMPLATE_TYPE_EMAIL
         ? herald_template_get_body_html (template_)
         : herald_template_get_body_text (template_);
}

/* The scheduled time in UTC from the date, time and zone fields. */
static GDateTime *
schedule_utc (HeraldWizardWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  guint zone = adw_combo_row_get_selected (self->zone_row);

  if (zone >= g_strv_length (self->zones))
    return NULL;
  return herald_wizard_local_to_utc (self->zones[zone],
                                     g_date_time_get_year (date),
                                     g_date_time_get_month (date),
                                     g_date_time_get_day_of_month (date),
                                     gtk_spin_button_get_value_as_int (self->hour_spin),
                                     gtk_spin_button_get_value_as_int (self->minute_spin));
}

static gboolean
parse_money_field (HeraldWizardWindow *self,
                   AdwEntryRow        *row,
                   gint64             *value)
{
  g_autofree char *text = entry_text (row);

  *value = 0;
  if (text[0] == '\0')
    return TRUE;
  return herald_parse_money (text, selected_currency (self), value) && *value >= 0;
}

/* Validation: each returns the first problem of its step (NULL when the
 * step is fine) and puts every problem next to its field. */

static char *
basics_problem (HeraldWizardWindow *self)
{
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *from_name = entry_text (self->from_name_row);
  g_autofree char *from_address = entry_text (self->from_address_row);
  g_autofree char *reply_to = entry_text (self->reply_to_row);
  const char *problem = NULL;
  const char *message;
  gint64 budget;

  message = name[0] == '\0' ? _("Give the campaign a name.")
            : g_utf8_strlen (name, -1) > 200 ? _("The name can have at most 200 characters.")
            : NULL;
  if (!set_field_error (self, "name", message) && problem == NULL)
    problem = message;

  message = parse_money_field (self, self->budget_row, &budget) ? NULL
            : _("Enter the budget as an amount, such as 1500 or 1,500.00.");
  if (!set_field_error (self, "budget", message) && problem == NULL)
    problem = message;

  if (selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL)
    {
      message = from_name[0] == '\0' ? _("Enter the sender name recipients see.") : NULL;
      if (!set_field_error (self, "from-name", message) && problem == NULL)
        problem = message;
      message = from_address[0] == '\0' ? _("Enter the sender address.")
                : !herald_is_valid_email (from_address) ? _("The sender address is not a valid e-mail address.")
                : NULL;
      if (!set_field_error (self, "from-address", message) && problem == NULL)
        problem = message;
      message = reply_to[0] != '\0' && !herald_is_valid_email (reply_to)
                ? _("The reply-to address is not a valid e-mail address.") : NULL;
      if (!set_field_error (self, "reply-to", message) && problem == NULL)
        problem = message;
    }
  else
    {
      set_field_error (self, "from-name", NULL);
      set_field_error (self, "from-address", NULL);
      set_field_error (self, "reply-to", NULL);
    }
  return g_strdup (problem);
}

static char *
audience_problem (HeraldWizardWindow *self)
{
  const char *message = find_segment (self, self->segment_id) == NULL
                        ? _("Choose the segment that receives the campaign.") : NULL;

  set_field_error (self, "segment", message);
  return g_strdup (message);
}

static char *
content_problem (HeraldWizardWindow *self)
{
  HeraldTemplate *template_ = find_template (self, self->template_id);
  const char *problem = NULL;
  const char *message;
  gboolean email = selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL;

  message = template_ == NULL ? _("Choose a template of this campaign's type.") : NULL;
  if (!set_field_error (self, "template", message) && problem == NULL)
    problem = message;

  message = email && !ab_enabled (self) && template_ != NULL
            && herald_template_get_subject (template_)[0] == '\0'
            ? _("The template has no subject: add one in the template or test subjects in an A/B test.") : NULL;
  if (!set_field_error (self, "subject", message) && problem == NULL)
    problem = message;

  for (guint i = 0; i < MAX_VARIANTS; i++)
    {
      g_autofree char *field = g_strdup_printf ("variant-subject-%u", i);
      g_autofree char *subject = entry_text (self->variant_subject[i]);
      const char *key = g_intern_string (field);

      message = email && ab_enabled (self) && i < n_variants (self) && subject[0] == '\0'
                ? _("Give each variant a subject.") : NULL;
      if (!set_field_error (self, key, message) && problem == NULL)
        problem = message;
    }
  return g_strdup (problem);
}

/* There is no setting for a CRM server yet (the sync engine is a later
 * issue), so none is configured. */
static gboolean
crm_configured (HeraldWizardWindow *self)
{
  return FALSE;
}

static char *
send_now_problem (HeraldWizardWindow *self)
{
  return herald_wizard_send_now_problem (g_network_monitor_get_network_available (self->network_monitor),
                                         crm_configured (self));
}

static char *
schedule_problem (HeraldWizardWindow *self)
{
  const char *problem = NULL;
  const char *message = NULL;
  g_autofree char *refusal = NULL;
  gint64 cost;

  if (schedule_mode (self) == MODE_NOW)
    problem = refusal = send_now_problem (self);

  if (schedule_mode (self) == MODE_SCHEDULE)
    {
      g_autoptr(GDateTime) utc = schedule_utc (self);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      message = utc == NULL ? _("This date and time do not exist in the chosen time zone.")
                : g_date_time_compare (utc, now) <= 0 ? _("The scheduled time is in the past: choose a later one.")
                : NULL;
    }
  if (!set_field_error (self, "schedule", message) && problem == NULL)
    problem = message;

  message = parse_money_field (self, self->cost_row, &cost) ? NULL
            : _("Enter the cost per message as an amount, such as 0.08.");
  if (!set_field_error (self, "cost", message) && problem == NULL)
    problem = message;
  return g_strdup (problem);
}

static char *
step_problem (HeraldWizardWindow *self,
              HeraldWizardStep    step)
{
  switch (step)
    {
    case HERALD_WIZARD_STEP_BASICS: return basics_problem (self);
    case HERALD_WIZARD_STEP_AUDIENCE: return audience_problem (self);
    case HERALD_WIZARD_STEP_CONTENT: return content_problem (self);
    case HERALD_WIZARD_STEP_SCHEDULE: return schedule_problem (self);
    case HERALD_WIZARD_STEP_REVIEW:
      {
        char *problem = basics_problem (self);

        if (problem == NULL && schedule_mode (self) != MODE_DRAFT)
          problem = schedule_problem (self);
        if (problem == NULL && schedule_mode (self) == MODE_SCHEDULE && self->checks != NULL
            && herald_wizard_checks_blocking (self->checks))
          problem = g_strdup (_("Fix the problems marked in the checklist before scheduling."));
        return problem;
      }
    case HERALD_WIZARD_N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

/* Applying the fields to the campaign */

static void
apply_to_campaign (HeraldWizardWindow *self)
{
  HeraldCampaign *c = self->campaign;
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *description = entry_text (self->description_row);
  g_autofree char *from_name = entry_text (self->from_name_row);
  g_autofree char *from_address = entry_text (self->from_address_row);
  g_autofree char *reply_to = entry_text (self->reply_to_row);
  g_autofree char *preheader = entry_text (self->preheader_row);
  gint64 budget;

  herald_campaign_set_name (c, name);
  herald_campaign_set_description (c, description);
  herald_campaign_set_campaign_type (c, selected_type (self));
  herald_campaign_set_currency (c, selected_currency (self));
  if (parse_money_field (self, self->budget_row, &budget))
    herald_campaign_set_budget (c, budget);
  if (selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL)
    {
      herald_campaign_set_from_name (c, from_name);
      herald_campaign_set_from_address (c, from_address);
      herald_campaign_set_reply_to (c, reply_to);
      herald_campaign_set_preheader (c, preheader);
    }
  herald_campaign_set_segment_id (c, find_segment (self, self->segment_id) != NULL ? self->segment_id : NULL);
  herald_campaign_set_target_count (c, audience_size (self));
  herald_campaign_set_template_id (c, find_template (self, self->template_id) != NULL ? self->template_id : NULL);

  if (ab_enabled (self))
    {
      herald_campaign_set_ab_test_percent (c, gtk_spin_button_get_value_as_int (self->test_percent_spin));
      herald_campaign_set_ab_winner_metric (c, adw_combo_row_get_selected (self->metric_row));
      herald_campaign_set_ab_wait_hours (c, gtk_spin_button_get_value_as_int (self->wait_spin));
      herald_campaign_set_ab_confidence_level (c, confidence_levels[MIN (adw_combo_row_get_selected (self->confidence_row), 2)]);
      herald_campaign_set_ab_auto_send_winner (c, adw_combo_row_get_selected (self->no_winner_row) == 1);
    }
  else
    herald_campaign_set_ab_test_percent (c, 0);

  if (schedule_mode (self) == MODE_SCHEDULE)
    {
      g_autoptr(GDateTime) utc = schedule_utc (self);

      herald_campaign_set_scheduled_at (c, utc);
    }
  else
    herald_campaign_set_scheduled_at (c, NULL);
}

/* Writes the variants of the A/B test: A..E as set, others deleted. */
static gboolean
save_variants (HeraldWizardWindow  *self,
               GError             **error)
{
  const char *id = herald_record_get_id (HERALD_RECORD (self->campaign));
  g_autoptr(GPtrArray) existing = herald_store_list_variants (self->store, id, error);
  guint n = ab_enabled (self) ? n_variants (self) : 0;

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char letter[2] = { 'A' + i, '\0' };
      g_autoptr(HeraldVariant) variant = NULL;
      g_autofree char *subject = entry_text (self->variant_subject[i]);

      for (guint j = 0; j < existing->len && variant == NULL; j++)
        if (g_strcmp0 (herald_variant_get_variant_name (g_ptr_array_index (existing, j)), letter) == 0)
          variant = g_object_ref (g_ptr_array_index (existing, j));
      if (variant == NULL)
        {
          variant = herald_variant_new ();
          herald_variant_set_campaign_id (variant, id);
          herald_variant_set_variant_name (variant, letter);
        }
      herald_variant_set_subject (variant, subject);
      herald_variant_set_body_template (variant, variant_body (self, i));
      if (!herald_store_save (self->store, HERALD_RECORD (variant), error))
        return FALSE;
    }
  for (guint j = 0; j < existing->len; j++)
    {
      const char *name = herald_variant_get_variant_name (g_ptr_array_index (existing, j));

      if (name == NULL || strlen (name) != 1 || name[0] < 'A' || (guint) (name[0] - 'A') >= n)
        if (!herald_store_delete (self->store, g_ptr_array_index (existing, j), error))
          return FALSE;
    }
  return TRUE;
}

/* The campaign has no field for the cost per message, and it rarely
 * changes for a channel, so the last one used per channel is kept in the
 * store's small settings and offered again. */
static char *
cost_meta_key (HeraldCampaignType type)
{
  return g_strdup_printf ("wizard.cost-per-message.%s", herald_enum_to_nick (HERALD_TYPE_CAMPAIGN_TYPE, type));
}

static void
remember_cost (HeraldWizardWindow *self)
{
  g_autofree char *key = cost_meta_key (selected_type (self));
  g_autofree char *value = NULL;
  gint64 cost;

  if (!parse_money_field (self, self->cost_row, &cost) || cost <= 0)
    return;
  value = g_strdup_printf ("%" G_GINT64_FORMAT, cost);
  herald_store_set_meta (self->store, key, value, NULL);
}

static void
offer_remembered_cost (HeraldWizardWindow *self)
{
  g_autofree char *key = cost_meta_key (selected_type (self));
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  gint64 cost;
  double scale = 1;
  int decimals;

  /* What the person typed stays; an offer follows the channel. */
  if (g_hash_table_contains (self->touched, "cost"))
    return;
  value = herald_store_get_meta (self->store, key, NULL);
  if (value == NULL || (cost = g_ascii_strtoll (value, NULL, 10)) <= 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->cost_row), "");
      return;
    }
  decimals = herald_currency_decimals (selected_currency (self));
  for (int i = 0; i < decimals; i++)
    scale *= 10;
  text = herald_format_decimal (cost / scale, decimals);
  gtk_editable_set_text (GTK_EDITABLE (self->cost_row), text);
}

/* Saves the wizard's state as a draft (the campaign stays a draft). */
static gboolean
save_draft (HeraldWizardWindow  *self,
            GError             **error)
{
  g_autofree char *problem = basics_problem (self);

  if (problem != NULL)
    {
      g_set_error_literal (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID, problem);
      return FALSE;
    }
  apply_to_campaign (self);
  if (!herald_store_save (self->store, HERALD_RECORD (self->campaign), error))
    return FALSE;
  if (!save_variants (self, error))
    return FALSE;
  remember_cost (self);
  adw_window_title_set_subtitle (self->window_title, _("Draft saved"));
  return TRUE;
}

static void
show_error (HeraldWizardWindow *self,
            const char         *heading,
            const GError       *error)
{
  herald_dialogs_show_error (GTK_WINDOW (self), heading, error->message);
}

/* Steps */

static void
update_step_indicator (HeraldWizardWindow *self)
{
  for (guint i = 0; i < HERALD_WIZARD_N_STEPS; i++)
    {
      if (i == self->step)
        {
          gtk_widget_add_css_class (self->step_buttons[i], "suggested-action");
          gtk_widget_remove_css_class (self->step_buttons[i], "flat");
        }
      else
        {
          gtk_widget_remove_css_class (self->step_buttons[i], "suggested-action");
          gtk_widget_add_css_class (self->step_buttons[i], "flat");
        }
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->step_buttons[i]),
                                   GTK_ACCESSIBLE_STATE_SELECTED, i == self->step, -1);
    }
}

/* An empty preheader is not "none": the template's is sent then. */
static void
update_preheader_hint (HeraldWizardWindow *self)
{
  HeraldTemplate *template_ = find_template (self, self->template_id);
  g_autofree char *own = entry_text (self->preheader_row);
  const char *inherited = template_ != NULL ? herald_template_get_preheader (template_) : NULL;
  g_autofree char *text = NULL;

  if (selected_type (self) != HERALD_CAMPAIGN_TYPE_EMAIL || own[0] != '\0'
      || inherited == NULL || inherited[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->preheader_hint), FALSE);
      return;
    }
  /* Translators: shown under an empty preheader field; %s is the template's preheader. */
  text = g_strdup_printf (_("Left empty, the template’s preheader is sent: “%s”"), inherited);
  gtk_label_set_text (self->preheader_hint, text);
  gtk_widget_set_visible (GTK_WIDGET (self->preheader_hint), TRUE);
}

static void
update_validity (HeraldWizardWindow *self)
{
  g_autofree char *problem = NULL;
  const char *next_label;

  if (self->loading)
    return;
  for (guint i = 0; i < HERALD_WIZARD_N_STEPS; i++)
    if (i != self->step && i != HERALD_WIZARD_STEP_REVIEW)
      g_free (step_problem (self, i));
  problem = step_problem (self, self->step);

  gtk_widget_set_visible (self->sender_group, selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL);
  gtk_widget_set_visible (GTK_WIDGET (self->preheader_row), selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL);
  update_preheader_hint (self);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row),
                          selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL && !ab_enabled (self));
  for (guint i = 0; i < MAX_VARIANTS; i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->variant_subject[i]),
                              i < n_variants (self) && selected_type (self) == HERALD_CAMPAIGN_TYPE_EMAIL);
      gtk_widget_set_visible (GTK_WIDGET (self->variant_template[i]), i < n_variants (self));
    }
  gtk_widget_set_visible (self->now_box, schedule_mode (self) == MODE_NOW);
  if (schedule_mode (self) == MODE_NOW)
    {
      g_autofree char *refusal = send_now_problem (self);
      g_autofree char *text = g_strdup_printf (_("%s Schedule the campaign instead: it is queued and sent once Herald is online and connected to a CRM."),
                                               refusal != NULL ? refusal : "");

      gtk_label_set_text (self->now_label, text);
    }
  gtk_widget_set_visible (self->schedule_group, schedule_mode (self) == MODE_SCHEDULE);

  g_free (self->reason);
  self->reason = g_steal_pointer (&problem);
  gtk_label_set_text (self->reason_label, self->reason != NULL ? self->reason : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), self->reason);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", self->reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->step > 0);

  if (self->step != HERALD_WIZARD_STEP_REVIEW)
    next_label = _("_Next");
  else if (schedule_mode (self) == MODE_SCHEDULE)
    next_label = _("_Schedule");
  else
    next_label = _("_Save");
  gtk_button_set_label (self->next_button, next_label);
}

/* How a contact is named in the preview's drop-down: the name, with the
 * address the channel uses. */
static char *
sample_label (HeraldContact      *contact,
              HeraldCampaignType  type)
{
  const char *name = herald_contact_get_name (contact);
  const char *address = type == HERALD_CAMPAIGN_TYPE_EMAIL ? herald_contact_get_email (contact)
                        : type == HERALD_CAMPAIGN_TYPE_SMS ? herald_contact_get_phone (contact)
                        : "";

  if (name[0] == '\0')
    return g_strdup (address[0] != '\0' ? address : HERALD_NO_VALUE);
  if (address[0] == '\0')
    return g_strdup (name);
  /* Translators: a contact in the preview's drop-down: name and e-mail address or phone number. */
  return g_strdup_printf (_("%s (%s)"), name, address);
}

static void
update_samples (HeraldWizardWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (self->samples != NULL)
    for (guint i = 0; i < self->samples->len; i++)
      {
        g_autofree char *label = sample_label (g_ptr_array_index (self->samples, i), selected_type (self));

        gtk_string_list_append (labels, label);
      }
  if (g_list_model_get_n_items (G_LIST_MODEL (labels)) == 0)
    gtk_string_list_append (labels, _("No contact is reachable: the template’s variable defaults"));
  adw_combo_row_set_model (self->sample_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->sample_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_row), self->samples != NULL && self->samples->len > 1);
}

static void
update_reach (HeraldWizardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  gboolean was_loading = self->loading;

  g_clear_pointer (&self->samples, g_ptr_array_unref);
  self->reachable = herald_wizard_count_reachable (self->store, selected_type (self), MAX_SAMPLES,
                                                   &self->samples, &error);
  self->loading = TRUE;
  update_samples (self);
  self->loading = was_loading;
  if (self->reachable < 0)
    {
      gtk_label_set_text (self->reach_label, error->message);
      return;
    }
  if (self->reachable == 0 && self->samples->len == 0)
    {
      gtk_label_set_text (self->reach_label,
                          _("No contacts are in this computer's store yet, so the number of reachable contacts is not known."));
      return;
    }
  count = herald_format_count (self->reachable);
  switch (selected_type (self))
    {
    case HERALD_CAMPAIGN_TYPE_EMAIL:
      text = g_strdup_printf (ngettext ("%s contact in the store can be reached by e-mail (with an address and not unsubscribed).",
                                        "%s contacts in the store can be reached by e-mail (with an address and not unsubscribed).",
                                        self->reachable), count);
      break;
    case HERALD_CAMPAIGN_TYPE_SMS:
      text = g_strdup_printf (ngettext ("%s contact in the store can be reached by SMS (with a phone number and not unsubscribed).",
                                        "%s contacts in the store can be reached by SMS (with a phone number and not unsubscribed).",
                                        self->reachable), count);
      break;
    case HERALD_CAMPAIGN_TYPE_PUSH:
    case HERALD_CAMPAIGN_TYPE_SOCIAL:
    default:
      text = g_strdup_printf (ngettext ("%s contact in the store has not unsubscribed.",
                                        "%s contacts in the store have not unsubscribed.",
                                        self->reachable), count);
      break;
    }
  gtk_label_set_text (self->reach_label, text);
}

static HeraldContact *
chosen_sample (HeraldWizardWindow *self)
{
  guint i = adw_combo_row_get_selected (self->sample_row);

  if (self->samples == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->samples->len)
    return NULL;
  return g_ptr_array_index (self->samples, i);
}

/* The variant switcher lists A… as many as the test has. */
static void
update_variant_row (HeraldWizardWindow *self)
{
  GListModel *model = adw_combo_row_get_model (self->variant_row);
  guint n = ab_enabled (self) ? n_variants (self) : 0;
  gboolean was_loading = self->loading;

  gtk_widget_set_visible (GTK_WIDGET (self->variant_row), n > 0);
  if (model != NULL && g_list_model_get_n_items (model) == n)
    return;

  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    guint selected = adw_combo_row_get_selected (self->variant_row);

    for (guint i = 0; i < n; i++)
      {
        /* Translators: an A/B variant in the preview's switcher. */
        g_autofree char *name = g_strdup_printf (_("Variant %c"), 'A' + i);

        gtk_string_list_append (names, name);
      }
    self->loading = TRUE;
    adw_combo_row_set_model (self->variant_row, G_LIST_MODEL (names));
    adw_combo_row_set_selected (self->variant_row, selected != GTK_INVALID_LIST_POSITION && selected < n ? selected : 0);
    self->loading = was_loading;
  }
}

static void
show_preview_error (HeraldWizardWindow *self,
                    const char         *message)
{
  gtk_label_set_text (self->preview_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error), message != NULL);
}

/* The message as sending would render it, for the chosen contact and
 * variant (herald_wizard_render_preview), shown with the template editor's
 * preview: HTML in a WebKit view that runs no script and loads nothing. */
static void
update_preview (HeraldWizardWindow *self)
{
  HeraldTemplate *template_ = find_template (self, self->template_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *variant_subject = NULL;
  HeraldWizardSubject variant = { NULL, NULL, NULL };
  gboolean email, has_title;
  HeraldWizardPreview *shown;

  update_variant_row (self);
  g_clear_pointer (&self->shown, herald_wizard_preview_free);
  if (template_ == NULL)
    {
      adw_action_row_set_subtitle (self->subject_row, "");
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      gtk_widget_set_visible (self->preview_switcher, FALSE);
      gtk_widget_set_visible (self->mobile_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_title), FALSE);
      gtk_label_set_text (self->preview_text, _("Choose a template to see a preview."));
      show_preview_error (self, NULL);
      return;
    }
  adw_action_row_set_subtitle (self->subject_row, herald_template_get_subject (template_));

  apply_to_campaign (self);
  if (ab_enabled (self))
    {
      guint i = MIN (adw_combo_row_get_selected (self->variant_row), n_variants (self) - 1);

      variant_subject = entry_text (self->variant_subject[i]);
      variant.name = NULL;
      variant.subject = variant_subject;
      variant.body_html = variant_body (self, i);
    }
  shown = herald_wizard_render_preview (self->campaign, template_, ab_enabled (self) ? &variant : NULL,
                                        chosen_sample (self), &error);
  if (shown == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The template cannot be rendered, so it cannot be sent either: %s"),
                                                  error->message);

      show_preview_error (self, message);
      return;
    }
  show_preview_error (self, NULL);
  self->shown = shown;

  email = herald_template_get_template_type (template_) == HERALD_TEMPLATE_TYPE_EMAIL;
  /* Coming from a text-only message, an e-mail opens on its HTML. */
  if (email && !gtk_widget_get_visible (self->preview_switcher))
    gtk_stack_set_visible_child_name (self->preview_stack, "html");
  gtk_widget_set_visible (self->preview_switcher, email);
  gtk_widget_set_visible (self->mobile_button, email);
  if (email)
    {
      herald_template_preview_set_inbox (self->preview, shown->subject, shown->preheader);
      herald_template_preview_set_html (self->preview, shown->html);
    }
  else
    gtk_stack_set_visible_child_name (self->preview_stack, "text");
  has_title = shown->subject != NULL && shown->subject[0] != '\0';
  gtk_label_set_text (self->preview_title, has_title ? shown->subject : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_title), has_title);
  gtk_label_set_text (self->preview_text, shown->text);
}

static void
update_hint (HeraldWizardWindow *self)
{
  g_autofree char *hint = NULL;
  HeraldWinnerMetric metric = adw_combo_row_get_selected (self->metric_row);

  hint = herald_wizard_sample_size_hint (audience_size (self),
                                         gtk_spin_button_get_value_as_int (self->test_percent_spin),
                                         n_variants (self), metric,
                                         herald_wizard_baseline_rate (metric),
                                         confidence_levels[MIN (adw_combo_row_get_selected (self->confidence_row), 2)]);
  gtk_label_set_text (self->hint_label, hint);
}

static void
update_schedule_labels (HeraldWizardWindow *self)
{
  g_autoptr(GDateTime) utc = schedule_utc (self);
  g_autoptr(HeraldTemplate) none = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *money = NULL;
  g_autofree char *audience = herald_format_count (audience_size (self));
  gint64 cost_per = 0, budget = 0, cost;
  guint parts;

  if (utc != NULL)
    {
      g_autofree char *when = g_date_time_format (utc, "%x %H:%M");
      g_autofree char *text = g_strdup_printf (_("That is %s UTC."), when);

      gtk_label_set_text (self->utc_label, text);
    }
  else
    gtk_label_set_text (self->utc_label, "");

  parse_money_field (self, self->cost_row, &cost_per);
  parse_money_field (self, self->budget_row, &budget);
  apply_to_campaign (self);
  parts = herald_wizard_message_parts (self->campaign, find_template (self, self->template_id));
  cost = herald_wizard_estimate_cost (audience_size (self), parts, cost_per);
  money = herald_format_money (cost, selected_currency (self));
  estimate = g_strdup_printf (ngettext ("Estimated cost: %s for %s recipient.",
                                        "Estimated cost: %s for %s recipients.",
                                        audience_size (self)), money, audience);
  if (budget > 0 && cost > budget)
    {
      g_autofree char *budget_text = herald_format_money (budget, selected_currency (self));
      g_autofree char *warning = g_strdup_printf (_("%s This is more than the budget of %s."), estimate, budget_text);

      gtk_label_set_text (self->estimate_label, warning);
      gtk_widget_add_css_class (GTK_WIDGET (self->estimate_label), "warning");
    }
  else
    {
      gtk_label_set_text (self->estimate_label, estimate);
      gtk_widget_remove_css_class (GTK_WIDGET (self->estimate_label), "warning");
    }
}

static void
go_to_step (HeraldWizardWindow *self,
            HeraldWizardStep    step)
{
  g_autoptr(GError) error = NULL;

  if (step == self->step)
    return;
  /* Forward only over valid steps: stop at the first one with a problem.
   * The review can always be seen: it lists every problem at once. */
  for (guint i = self->step; i < step && step != HERALD_WIZARD_STEP_REVIEW; i++)
    {
      g_autofree char *problem = step_problem (self, i);

      if (problem != NULL)
        {
          self->show_all_errors = TRUE;
          step = i;
          break;
        }
    }
  if (step != self->step && !save_draft (self, &error)
      && !g_error_matches (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID))
    show_error (self, _("The Draft Could Not Be Saved"), error);

  self->step = step;
  if (step == HERALD_WIZARD_STEP_CONTENT)
    update_preview (self);
  if (step == HERALD_WIZARD_STEP_SCHEDULE)
    update_schedule_labels (self);
  if (step == HERALD_WIZARD_STEP_REVIEW)
    rebuild_review (self);
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  update_step_indicator (self);
  update_validity (self);
}

/* Segments */

/* A boxed list shows its selection faintly; a check mark makes it clear. */
static void
add_check_mark (GtkWidget *row)
{
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_visible (mark, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  g_object_set_data (G_OBJECT (row), "herald-check-mark", mark);
}

static void
update_check_marks (GtkListBox *list)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (list);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "herald-check-mark"), row == selected);
}

static void
segment_row_activated_cb (GtkListBox         *box,
                          GtkListBoxRow      *row,
                          HeraldWizardWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "herald-id");

  g_free (self->segment_id);
  self->segment_id = g_strdup (id);
  g_hash_table_add (self->touched, (gpointer) "segment");
  update_validity (self);
}

static void
segment_selected_cb (GtkListBox         *box,
                     GtkListBoxRow      *row,
                     HeraldWizardWindow *self)
{
  update_check_marks (box);
  if (row != NULL && !self->loading)
    segment_row_activated_cb (box, row, self);
}

static gboolean
segment_filter_func (GtkListBoxRow *row,
                     gpointer       user_data)
{
  HeraldWizardWindow *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->segment_search));
  g_autofree char *folded_search = NULL;
  g_autofree char *folded_name = NULL;

  if (search[0] == '\0')
    return TRUE;
  folded_search = g_utf8_casefold (search, -1);
  folded_name = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  return strstr (folded_name, folded_search) != NULL;
}

static void
segment_search_changed_cb (GtkSearchEntry     *entry,
                           HeraldWizardWindow *self)
{
  gtk_list_box_invalidate_filter (self->segment_list);
}

static void
refresh_segments (HeraldWizardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) last_sync = herald_wizard_dup_last_sync (self->store);
  GtkWidget *child;

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  self->segments = herald_store_list_segments (self->store, &error);
  if (self->segments == NULL)
    self->segments = g_ptr_array_new_with_free_func (g_object_unref);

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->segment_list))) != NULL)
    gtk_list_box_remove (self->segment_list, child);
  for (guint i = 0; i < self->segments->len; i++)
    {
      HeraldSegment *segment = g_ptr_array_index (self->segments, i);
      g_autofree char *subtitle = herald_wizard_segment_subtitle (segment, last_sync, now);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), herald_segment_get_name (segment));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      add_check_mark (row);
      g_object_set_data_full (G_OBJECT (row), "herald-id",
                              g_strdup (herald_record_get_id (HERALD_RECORD (segment))), g_free);
      gtk_list_box_append (self->segment_list, row);
      if (g_strcmp0 (self->segment_id, herald_record_get_id (HERALD_RECORD (segment))) == 0)
        gtk_list_box_select_row (self->segment_list, GTK_LIST_BOX_ROW (row));
    }
  self->loading = FALSE;
}

/* Templates */

static void
template_selected_cb (GtkListBox         *box,
                      GtkListBoxRow      *row,
                      HeraldWizardWindow *self)
{
  update_check_marks (box);
  if (row == NULL || self->loading)
    return;
  g_free (self->template_id);
  self->template_id = g_strdup (g_object_get_data (G_OBJECT (row), "herald-id"));
  g_hash_table_add (self->touched, (gpointer) "template");
  /* The subject comes with the template: choosing one is touching it. */
  g_hash_table_add (self->touched, (gpointer) "subject");
  gtk_widget_set_sensitive (self->duplicate_button, TRUE);
  update_preview (self);
  update_validity (self);
}

static void
refresh_templates (HeraldWizardWindow *self)
{
  g_autoptr(GPtrArray) all = herald_store_list_templates (self->store, -1, NULL, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  herald_campaign_set_campaign_type (self->campaign, selected_type (self));
  gtk_string_list_append (names, _("Chosen template"));
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      HeraldTemplate *template_ = g_ptr_array_index (all, i);

      if (herald_template_get_is_active (template_)
          && herald_campaign_validate_template (self->campaign, template_, NULL))
        {
          g_ptr_array_add (self->templates, g_object_ref (template_));
          gtk_string_list_append (names, herald_template_get_name (template_));
        }
    }

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, child);
  for (guint i = 0; i < self->templates->len; i++)
    {
      HeraldTemplate *template_ = g_ptr_array_index (self->templates, i);
      GtkWidget *row = adw_action_row_new ();
      const char *locale = herald_template_get_locale (template_);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s",
                                                   herald_template_type_get_display_name (herald_template_get_template_type (template_)),
                                                   locale[0] != '\0' ? " · " : "", locale);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), herald_template_get_name (template_));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_check_mark (row);
      g_object_set_data_full (G_OBJECT (row), "herald-id",
                              g_strdup (herald_record_get_id (HERALD_RECORD (template_))), g_free);
      gtk_list_box_append (self->template_list, row);
      if (g_strcmp0 (self->template_id, herald_record_get_id (HERALD_RECORD (template_))) == 0)
        gtk_list_box_select_row (self->template_list, GTK_LIST_BOX_ROW (row));
    }
  for (guint i = 0; i < MAX_VARIANTS; i++)
    {
      guint selected = adw_combo_row_get_selected (self->variant_template[i]);

      adw_combo_row_set_model (self->variant_template[i], G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->variant_template[i],
                                  selected < (guint) g_list_model_get_n_items (G_LIST_MODEL (names)) ? selected : 0);
    }
  gtk_widget_set_sensitive (self->duplicate_button, find_template (self, self->template_id) != NULL);
  self->loading = FALSE;
}

static void
type_selected_cb (GtkFlowBox         *box,
                  HeraldWizardWindow *self)
{
  if (self->loading)
    return;
  refresh_templates (self);
  update_reach (self);
  update_preview (self);
  self->loading = TRUE;
  offer_remembered_cost (self);
  self->loading = FALSE;
  update_validity (self);
}

/* The template editor's own Back button returns to the template list of
 * the main window; in a window of its own, the window's close button does
 * that job (and asks about unsaved changes, as Back would). */
static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action_name)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static HeraldTemplateType
template_type_for (HeraldCampaignType type)
{
  switch (type)
    {
    case HERALD_CAMPAIGN_TYPE_SMS:
    case HERALD_CAMPAIGN_TYPE_SOCIAL:
      return HERALD_TEMPLATE_TYPE_SMS;
    case HERALD_CAMPAIGN_TYPE_PUSH:
      return HERALD_TEMPLATE_TYPE_PUSH;
    case HERALD_CAMPAIGN_TYPE_EMAIL:
    default:
      return HERALD_TEMPLATE_TYPE_EMAIL;
    }
}

/* Saved in the editor: the wizard lists the template and chooses it. */
static void
editor_saved_cb (HeraldTemplateEditor *editor,
                 HeraldWizardWindow   *self)
{
  HeraldTemplate *template_ = herald_template_editor_get_template (editor);

  g_free (self->template_id);
  self->template_id = g_strdup (herald_record_get_id (HERALD_RECORD (template_)));
  g_hash_table_add (self->touched, (gpointer) "template");
  refresh_templates (self);
  update_preview (self);
  update_validity (self);
}

static void
editor_closed_cb (HeraldTemplateEditor *editor,
                  GtkWindow            *window)
{
  gtk_window_close (window);
}

/* The wizard is modal, so the editor cannot be the main window's page
 * behind it: it gets a window of its own, above the wizard. */
static void
new_template_clicked_cb (GtkButton          *button,
                         HeraldWizardWindow *self)
{
  g_autoptr(HeraldTemplate) template_ = herald_template_new ();
  GtkWidget *window, *box, *header, *editor, *back;

  if (self->editor_window != NULL)
    {
      gtk_window_present (self->editor_window);
      return;
    }

  herald_template_set_template_type (template_, template_type_for (selected_type (self)));
  herald_template_set_is_active (template_, TRUE);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("New Template"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("New Template"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  editor = herald_template_editor_new ();
  gtk_widget_set_vexpand (editor, TRUE);
  herald_template_editor_set_store (HERALD_TEMPLATE_EDITOR (editor), self->store);
  herald_template_editor_load (HERALD_TEMPLATE_EDITOR (editor), template_);
  back = find_button_with_action (editor, "editor.back");
  if (back != NULL)
    gtk_widget_set_visible (back, FALSE);
  gtk_box_append (GTK_BOX (box), editor);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  g_signal_connect_object (editor, "closed", G_CALLBACK (editor_closed_cb), window, 0);
  self->editor_window = GTK_WINDOW (window);
  self->editor = HERALD_TEMPLATE_EDITOR (editor);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->editor_window);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  gtk_window_present (GTK_WINDOW (window));
}

static void
duplicate_template_clicked_cb (GtkButton          *button,
                               HeraldWizardWindow *self)
{
  HeraldTemplate *source = find_template (self, self->template_id);
  g_autoptr(HeraldTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (source == NULL)
    return;
  copy = herald_template_new ();
  /* Translators: the name of a duplicated template. */
  name = g_strdup_printf (_("Copy of %s"), herald_template_get_name (source));
  herald_template_set_name (copy, name);
  herald_template_set_description (copy, herald_template_get_description (source));
  herald_template_set_template_type (copy, herald_template_get_template_type (source));
  herald_template_set_locale (copy, herald_template_get_locale (source));
  herald_template_set_subject (copy, herald_template_get_subject (source));
  herald_template_set_preheader (copy, herald_template_get_preheader (source));
  herald_template_set_body_html (copy, herald_template_get_body_html (source));
  herald_template_set_body_text (copy, herald_template_get_body_text (source));
  herald_template_set_variables (copy, herald_template_get_variables (source));
  herald_template_set_is_active (copy, TRUE);
  if (!herald_store_save (self->store, HERALD_RECORD (copy), &error))
    {
      show_error (self, _("The Template Could Not Be Duplicated"), error);
      return;
    }
  g_free (self->template_id);
  self->template_id = g_strdup (herald_record_get_id (HERALD_RECORD (copy)));
  refresh_templates (self);
  update_preview (self);
  update_validity (self);
}

static void
store_record_changed_cb (HeraldStore        *store,
                         HeraldRecord       *old_record,
                         HeraldRecord       *new_record,
                         HeraldWizardWindow *self)
{
  HeraldRecord *record = new_record != NULL ? new_record : old_record;

  if (HERALD_IS_TEMPLATE (record))
    {
      refresh_templates (self);
      update_preview (self);
      update_validity (self);
    }
  else if (HERALD_IS_SEGMENT (record))
    refresh_segments (self);
}

static void
ab_changed_cb (HeraldWizardWindow *self)
{
  if (self->loading)
    return;
  update_hint (self);
  update_preview (self);
  update_validity (self);
}

static void
preview_choice_changed_cb (HeraldWizardWindow *self)
{
  if (self->loading)
    return;
  update_preview (self);
}

static void
schedule_changed_cb (HeraldWizardWindow *self)
{
  if (self->loading)
    return;
  g_hash_table_add (self->touched, (gpointer) "schedule");
  update_schedule_labels (self);
  update_validity (self);
}

/* Review */

static GtkWidget *
review_group (HeraldWizardWindow *self,
              HeraldWizardStep    step)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));
  g_autofree char *label = g_strdup_printf (_("Edit %s"), step_title (step));
  g_autofree char *title = g_markup_escape_text (step_title (step), -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "wizard.go-to-step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "i", (int) step);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), edit);
  gtk_box_append (self->review_box, group);
  return group;
}

static void
review_row (GtkWidget  *group,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && value[0] != '\0' ? value : HERALD_NO_VALUE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
rebuild_review (HeraldWizardWindow *self)
{
  HeraldTemplate *template_ = find_template (self, self->template_id);
  HeraldSegment *segment = find_segment (self, self->segment_id);
  g_autofree HeraldWizardSubject *subjects = g_new0 (HeraldWizardSubject, MAX_VARIANTS);
  g_autofree char *subject_texts[MAX_VARIANTS] = { NULL };
  static const char *letters[] = { "A", "B", "C", "D", "E" };
  GtkWidget *group, *child;
  gint64 cost_per = 0;
  guint n = 0;

  apply_to_campaign (self);
  parse_money_field (self, self->cost_row, &cost_per);
  if (ab_enabled (self))
    for (n = 0; n < n_variants (self); n++)
      {
        subject_texts[n] = entry_text (self->variant_subject[n]);
        subjects[n].name = letters[n];
        subjects[n].subject = subject_texts[n];
        subjects[n].body_html = variant_body (self, n);
      }
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  self->checks = herald_wizard_check_campaign (self->store, self->campaign, template_, subjects, n, cost_per, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);

  /* The checklist first: it is what needs attention. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Checklist"));
  gtk_box_append (self->review_box, group);
  if (self->checks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Everything is ready."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < self->checks->len; i++)
    {
      HeraldWizardCheck *check = g_ptr_array_index (self->checks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (check->blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      GtkWidget *fix = gtk_button_new_with_label (step_title (check->step));
      g_autofree char *fix_label = g_strdup_printf (_("Fix in %s"), step_title (check->step));

      gtk_widget_add_css_class (icon, check->blocking ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check->blocking ? _("Blocks scheduling") : _("Warning"), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (fix, "flat");
      gtk_widget_set_tooltip_text (fix, fix_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (fix), "wizard.go-to-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (fix), "i", (int) check->step);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), fix);
      g_object_set_data_full (G_OBJECT (row), "herald-code", g_strdup (check->code), g_free);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  group = review_group (self, HERALD_WIZARD_STEP_BASICS);
  review_row (group, _("Name"), herald_campaign_get_name (self->campaign));
  review_row (group, _("Type"), herald_campaign_type_get_display_name (herald_campaign_get_campaign_type (self->campaign)));
  {
    g_autofree char *budget = herald_format_money (herald_campaign_get_budget (self->campaign),
                                                   herald_campaign_get_currency (self->campaign));
    review_row (group, _("Budget"), herald_campaign_get_budget (self->campaign) > 0 ? budget : NULL);
  }
  if (herald_campaign_get_campaign_type (self->campaign) == HERALD_CAMPAIGN_TYPE_EMAIL)
    {
      g_autofree char *sender = g_strdup_printf ("%s <%s>", herald_campaign_get_from_name (self->campaign),
                                                 herald_campaign_get_from_address (self->campaign));
      review_row (group, _("Sender"), sender);
    }

  group = review_group (self, HERALD_WIZARD_STEP_AUDIENCE);
  {
    g_autoptr(GDateTime) last_sync = herald_wizard_dup_last_sync (self->store);
    g_autofree char *count = segment != NULL ? herald_wizard_segment_subtitle (segment, last_sync, NULL) : NULL;

    review_row (group, _("Segment"), segment != NULL ? herald_segment_get_name (segment) : NULL);
    review_row (group, _("Contacts"), count);
  }

  group = review_group (self, HERALD_WIZARD_STEP_CONTENT);
  review_row (group, _("Template"), template_ != NULL ? herald_template_get_name (template_) : NULL);
  if (n > 0)
    {
      g_autofree char *percent = herald_format_percent (herald_campaign_get_ab_test_percent (self->campaign) / 100.0, 0);
      g_autofree char *ab = g_strdup_printf (ngettext ("%u variant, %s of the audience; winner by: %s",
                                                       "%u variants, %s of the audience; winner by: %s", n),
                                             n, percent,
                                             herald_winner_metric_get_display_name (herald_campaign_get_ab_winner_metric (self->campaign)));
      review_row (group, _("A/B test"), ab);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *title = g_strdup_printf (_("Subject %s"), letters[i]);
          review_row (group, title, subject_texts[i]);
        }
    }
  else if (template_ != NULL && herald_campaign_get_campaign_type (self->campaign) == HERALD_CAMPAIGN_TYPE_EMAIL)
    review_row (group, _("Subject"), herald_template_get_subject (template_));
  if (herald_campaign_get_campaign_type (self->campaign) == HERALD_CAMPAIGN_TYPE_EMAIL)
    review_row (group, _("Preheader"), herald_wizard_effective_preheader (self->campaign, template_));

  group = review_group (self, HERALD_WIZARD_STEP_SCHEDULE);
  if (herald_campaign_get_scheduled_at (self->campaign) != NULL)
    {
      guint zone = adw_combo_row_get_selected (self->zone_row);
      const char *zone_name = zone < g_strv_length (self->zones) ? self->zones[zone] : "UTC";
      g_autoptr(GTimeZone) found = g_time_zone_new_identifier (zone_name);
      g_autoptr(GTimeZone) tz = found != NULL ? g_time_zone_ref (found) : g_time_zone_new_utc ();
      g_autoptr(GDateTime) local = g_date_time_to_timezone (herald_campaign_get_scheduled_at (self->campaign), tz);
      g_autofree char *local_text = g_date_time_format (local, "%x %H:%M");
      g_autofree char *utc_text = g_date_time_format (herald_campaign_get_scheduled_at (self->campaign), "%H:%M");
      /* Translators: the local date and time, the time zone, the time in UTC. */
      g_autofree char *when = g_strdup_printf (_("%s %s (%s UTC)"), local_text, zone_name, utc_text);

      review_row (group, _("Sending"), when);
    }
  else
    review_row (group, _("Sending"), _("Not scheduled: saved as a draft"));
  review_row (group, _("Cost"), gtk_label_get_text (self->estimate_label));
}

/* Actions */

static void
next_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (self->reason != NULL)
    return;
  if (self->step < HERALD_WIZARD_STEP_REVIEW)
    {
      go_to_step (self, self->step + 1);
      return;
    }

  /* Finish: save, then schedule when asked to. */
  if (!save_draft (self, &error))
    {
      show_error (self, _("The Campaign Could Not Be Saved"), error);
      return;
    }
  if (schedule_mode (self) == MODE_SCHEDULE
      && !herald_store_transition_campaign (self->store, self->campaign, HERALD_CAMPAIGN_STATUS_SCHEDULED, &error))
    {
      show_error (self, _("The Campaign Could Not Be Scheduled"), error);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (HERALD_IS_WINDOW (parent))
    herald_window_add_toast (HERALD_WINDOW (parent),
                             adw_toast_new (schedule_mode (self) == MODE_SCHEDULE ? _("Campaign scheduled")
                                                                                 : _("Draft saved")));
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
back_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (widget);

  if (self->step > 0)
    go_to_step (self, self->step - 1);
}

static void
go_to_step_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  int step = g_variant_get_int32 (parameter);

  if (step >= 0 && step < HERALD_WIZARD_N_STEPS)
    go_to_step (HERALD_WIZARD_WINDOW (widget), step);
}

static void
save_draft_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  self->show_all_errors = TRUE;
  update_validity (self);
  if (!save_draft (self, &error))
    show_error (self, _("The Draft Could Not Be Saved"), error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Draft saved")));
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_confirmed_cb (gboolean confirmed,
                    gpointer user_data)
{
  HeraldWizardWindow *self = user_data;

  /* Not while the dialog, transient for us, is still answering. */
  if (confirmed)
    {
      self->closing = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
    }
  g_object_unref (self);
}

static void
close_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (widget);

  herald_dialogs_confirm (GTK_WINDOW (self), _("Discard Changes?"),
                          _("Changes since the last step are lost. The draft saved at each step stays in the campaign list."),
                          _("_Discard"), TRUE, close_confirmed_cb, g_object_ref (self));
}

static void
schedule_instead_activated_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (widget);

  gtk_check_button_set_active (self->mode_buttons[MODE_SCHEDULE], TRUE);
}

/* Building the pages */

static GtkWidget *
type_tile (HeraldCampaignType type)
{
  static const char *icons[] = {
    "mail-unread-symbolic", "phone-symbolic", "preferences-system-notifications-symbolic", "system-users-symbolic",
  };
  const char *explanations[] = {
    _("A designed message to inboxes, with subject and sender"),
    _("A short text message to phones"),
    _("A notification on your app's users' devices"),
    _("Posts to social channels, written like a push or SMS"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[type]);
  GtkWidget *title = gtk_label_new (herald_campaign_type_get_display_name (type));
  GtkWidget *line = gtk_label_new (explanations[type]);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_label_set_justify (GTK_LABEL (line), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (line), 30);
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), line);
  return box;
}

static void
build_basics (HeraldWizardWindow *self)
{
  GtkBox *page = add_page (self, HERALD_WIZARD_STEP_BASICS,
                           _("Name the campaign, choose its channel and, for e-mail, who it comes from."));
  GtkWidget *group, *label, *box;
  g_autoptr(GtkStringList) currencies = NULL;

  group = group_new (page, _("Campaign"), NULL);
  self->name_row = entry_row_new (self, group, _("Name"));
  name_field (GTK_WIDGET (self->name_row), "name");
  self->description_row = entry_row_new (self, group, _("Description"));
  label = error_label_new (page);
  register_field (self, "name", GTK_WIDGET (self->name_row), label);
  register_field (self, "description", GTK_WIDGET (self->description_row), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (_("Type"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  self->type_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->type_box, GTK_SELECTION_SINGLE);
  /* Two by two: in the clamp's 600 pixels four tiles would need narrower
   * lines than German explanations have, and three left one alone. */
  gtk_flow_box_set_min_children_per_line (self->type_box, 2);
  gtk_flow_box_set_max_children_per_line (self->type_box, 2);
  gtk_flow_box_set_homogeneous (self->type_box, TRUE);
  gtk_flow_box_set_column_spacing (self->type_box, 12);
  gtk_flow_box_set_row_spacing (self->type_box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type"), -1);
  for (int t = HERALD_CAMPAIGN_TYPE_EMAIL; t <= HERALD_CAMPAIGN_TYPE_SOCIAL; t++)
    {
      gtk_flow_box_append (self->type_box, type_tile (t));
      gtk_widget_add_css_class (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->type_box, t)), "card");
    }
  g_signal_connect_object (self->type_box, "selected-children-changed", G_CALLBACK (type_selected_cb), self, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->type_box));
  gtk_box_append (page, box);
  register_field (self, "type", GTK_WIDGET (self->type_box), NULL);

  group = group_new (page, _("Budget"), NULL);
  self->currencies = herald_wizard_list_currencies ();
  currencies = gtk_string_list_new ((const char * const *) self->currencies);
  self->currency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("Currency"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currencies));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->currency_row));
  g_signal_connect_object (self->currency_row, "notify::selected", G_CALLBACK (update_validity), self, G_CONNECT_SWAPPED);
  self->budget_row = entry_row_new (self, group, _("Budget (optional)"));
  name_field (GTK_WIDGET (self->budget_row), "budget");
  label = error_label_new (page);
  register_field (self, "currency", GTK_WIDGET (self->currency_row), NULL);
  register_field (self, "budget", GTK_WIDGET (self->budget_row), label);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->sender_group = box;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sender"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("What recipients see in their inbox."));
  gtk_box_append (GTK_BOX (box), group);
  self->from_name_row = entry_row_new (self, group, _("Sender Name"));
  name_field (GTK_WIDGET (self->from_name_row), "from-name");
  self->from_address_row = entry_row_new (self, group, _("Sender Address"));
  name_field (GTK_WIDGET (self->from_address_row), "from-address");
  self->reply_to_row = entry_row_new (self, group, _("Reply-To (optional)"));
  name_field (GTK_WIDGET (self->reply_to_row), "reply-to");
  register_field (self, "from-name", GTK_WIDGET (self->from_name_row), error_label_new (GTK_BOX (box)));
  register_field (self, "from-address", GTK_WIDGET (self->from_address_row), error_label_new (GTK_BOX (box)));
  register_field (self, "reply-to", GTK_WIDGET (self->reply_to_row), error_label_new (GTK_BOX (box)));
  gtk_box_append (page, box);
}

static void
build_audience (HeraldWizardWindow *self)
{
  GtkBox *page = add_page (self, HERALD_WIZARD_STEP_AUDIENCE,
                           _("Choose who receives the campaign. A segment’s count is the CRM’s as of the last sync, "
                             "or the one stored on this computer until it is synced."));
  GtkWidget *scrolled;

  self->segment_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->segment_search, "placeholder-text", _("Search segments"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->segment_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search segments"), -1);
  g_signal_connect_object (self->segment_search, "search-changed", G_CALLBACK (segment_search_changed_cb), self, 0);
  gtk_box_append (page, GTK_WIDGET (self->segment_search));

  self->segment_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->segment_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->segment_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_filter_func (self->segment_list, segment_filter_func, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->segment_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Segments"), -1);
  g_signal_connect_object (self->segment_list, "row-selected", G_CALLBACK (segment_selected_cb), self, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->segment_list));
  gtk_box_append (page, scrolled);
  register_field (self, "segment", GTK_WIDGET (self->segment_list), error_label_new (page));
  register_field (self, "segment-search", GTK_WIDGET (self->segment_search), NULL);

  self->reach_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->reach_label, TRUE);
  gtk_label_set_xalign (self->reach_label, 0);
  gtk_box_append (page, GTK_WIDGET (self->reach_label));
}

static GtkSpinButton *
spin_row (GtkWidget  *expander,
          const char *title,
          double      min,
          double      max,
          double      value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
combo_row (GtkWidget          *expander,
           const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return ADW_COMBO_ROW (row);
}

static void
build_content (HeraldWizardWindow *self)
{
  GtkBox *page = add_page (self, HERALD_WIZARD_STEP_CONTENT,
                           _("Choose the message. The preview shows it for a contact from the store."));
  GtkWidget *group, *buttons, *card;
  const char *metrics[] = {
    herald_winner_metric_get_display_name (HERALD_WINNER_METRIC_OPEN_RATE),
    herald_winner_metric_get_display_name (HERALD_WINNER_METRIC_CLICK_RATE),
    herald_winner_metric_get_display_name (HERALD_WINNER_METRIC_CONVERSION_RATE),
    NULL,
  };
  g_autofree char *c90 = herald_format_percent (0.90, 0);
  g_autofree char *c95 = herald_format_percent (0.95, 0);
  g_autofree char *c99 = herald_format_percent (0.99, 0);
  const char *levels[] = { c90, c95, c99, NULL };
  const char *no_winner[] = { _("Wait for me to decide"), _("Send the leading variant anyway"), NULL };

  group = group_new (page, _("Template"), _("Active templates of the campaign's type."));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->new_template_button = gtk_button_new_with_mnemonic (_("_New…"));
  gtk_widget_set_tooltip_text (self->new_template_button, _("Create a template in the template editor"));
  g_signal_connect_object (self->new_template_button, "clicked", G_CALLBACK (new_template_clicked_cb), self, 0);
  self->duplicate_button = gtk_button_new_with_mnemonic (_("D_uplicate"));
  gtk_widget_set_tooltip_text (self->duplicate_button, _("Make a copy of the chosen template"));
  g_signal_connect_object (self->duplicate_button, "clicked", G_CALLBACK (duplicate_template_clicked_cb), self, 0);
  gtk_widget_add_css_class (self->new_template_button, "flat");
  gtk_widget_add_css_class (self->duplicate_button, "flat");
  gtk_box_append (GTK_BOX (buttons), self->new_template_button);
  gtk_box_append (GTK_BOX (buttons), self->duplicate_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  self->template_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->template_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->template_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Templates"), -1);
  g_signal_connect_object (self->template_list, "row-selected", G_CALLBACK (template_selected_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->template_list));
  register_field (self, "template", GTK_WIDGET (self->template_list), error_label_new (page));
  register_field (self, "new-template", self->new_template_button, NULL);
  register_field (self, "duplicate-template", self->duplicate_button, NULL);

  group = group_new (page, _("Message"), NULL);
  self->subject_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->subject_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row), _("Subject (from the template)"));
  gtk_widget_add_css_class (GTK_WIDGET (self->subject_row), "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->subject_row));
  self->preheader_row = entry_row_new (self, group, _("Preheader (optional)"));
  register_field (self, "subject", GTK_WIDGET (self->subject_row), error_label_new (page));
  register_field (self, "preheader", GTK_WIDGET (self->preheader_row), NULL);
  self->preheader_hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->preheader_hint, TRUE);
  gtk_label_set_wrap_mode (self->preheader_hint, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->preheader_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->preheader_hint), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->preheader_hint), FALSE);
  gtk_box_append (page, GTK_WIDGET (self->preheader_hint));
  register_field (self, "preheader-hint", GTK_WIDGET (self->preheader_hint), NULL);

  group = group_new (page, _("Preview"),
                     _("The message as sending renders it for one contact. The store does not know yet which contacts "
                       "are in the segment, so any contact this channel reaches can be chosen."));
  self->sample_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sample_row), _("Shown For"));
  /* The value as the subtitle: a name with its address is too long for the
   * end of the row. */
  adw_combo_row_set_use_subtitle (self->sample_row, TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->sample_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sample_row));
  g_signal_connect_object (self->sample_row, "notify::selected", G_CALLBACK (preview_choice_changed_cb), self, G_CONNECT_SWAPPED);
  self->variant_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->variant_row), _("Variant"));
  gtk_widget_set_visible (GTK_WIDGET (self->variant_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->variant_row));
  g_signal_connect_object (self->variant_row, "notify::selected", G_CALLBACK (preview_choice_changed_cb), self, G_CONNECT_SWAPPED);
  register_field (self, "sample-contact", GTK_WIDGET (self->sample_row), NULL);
  register_field (self, "preview-variant", GTK_WIDGET (self->variant_row), NULL);

  self->preview_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->preview_stack, FALSE);
  self->preview = HERALD_TEMPLATE_PREVIEW (herald_template_preview_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), -1, 480);
  gtk_stack_add_titled (self->preview_stack, GTK_WIDGET (self->preview), "html", _("HTML"));
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_valign (card, GTK_ALIGN_START);
  self->preview_title = GTK_LABEL (gtk_label_new (NULL));
  self->preview_text = GTK_LABEL (gtk_label_new (NULL));
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *text = i == 0 ? self->preview_title : self->preview_text;

      gtk_label_set_wrap (text, TRUE);
      gtk_label_set_wrap_mode (text, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (text, 0);
      gtk_label_set_selectable (text, TRUE);
      gtk_widget_set_margin_start (GTK_WIDGET (text), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (text), 12);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (text));
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_title), "heading");
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview_title), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview_text), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview_text), 12);
  gtk_stack_add_titled (self->preview_stack, card, "text", _("Plain Text"));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->preview_switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (self->preview_switcher), self->preview_stack);
  gtk_widget_set_hexpand (self->preview_switcher, TRUE);
  gtk_widget_set_halign (self->preview_switcher, GTK_ALIGN_START);
  self->mobile_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->mobile_button), "phone-symbolic");
  gtk_widget_set_tooltip_text (self->mobile_button, _("Mobile Width"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mobile_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mobile Width"), -1);
  g_object_bind_property (self->mobile_button, "active", self->preview, "mobile", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (buttons), self->preview_switcher);
  gtk_box_append (GTK_BOX (buttons), self->mobile_button);
  gtk_box_append (page, buttons);
  self->preview_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->preview_error, TRUE);
  gtk_label_set_xalign (self->preview_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error), FALSE);
  gtk_box_append (page, GTK_WIDGET (self->preview_error));
  gtk_box_append (page, GTK_WIDGET (self->preview_stack));
  register_field (self, "preview", GTK_WIDGET (self->preview), NULL);
  register_field (self, "preview-stack", GTK_WIDGET (self->preview_stack), NULL);
  register_field (self, "preview-text", GTK_WIDGET (self->preview_text), NULL);
  register_field (self, "preview-title", GTK_WIDGET (self->preview_title), NULL);
  register_field (self, "preview-error", GTK_WIDGET (self->preview_error), NULL);

  group = group_new (page, _("A/B Test"), NULL);
  self->ab_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ab_row), _("Test Variants"));
  adw_expander_row_set_subtitle (self->ab_row, _("Send variants to part of the audience first, then the winner to the rest"));
  adw_expander_row_set_show_enable_switch (self->ab_row, TRUE);
  adw_expander_row_set_enable_expansion (self->ab_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->ab_row));
  g_signal_connect_object (self->ab_row, "notify::enable-expansion", G_CALLBACK (ab_changed_cb), self, G_CONNECT_SWAPPED);
  register_field (self, "ab", GTK_WIDGET (self->ab_row), NULL);

  self->variants_spin = spin_row (GTK_WIDGET (self->ab_row), _("Variants"), 2, MAX_VARIANTS, 2);
  g_signal_connect_object (self->variants_spin, "value-changed", G_CALLBACK (ab_changed_cb), self, G_CONNECT_SWAPPED);
  register_field (self, "variants", GTK_WIDGET (self->variants_spin), NULL);
  for (guint i = 0; i < MAX_VARIANTS; i++)
    {
      static const char *subject_fields[] = { "variant-subject-0", "variant-subject-1", "variant-subject-2",
                                              "variant-subject-3", "variant-subject-4" };
      static const char *template_fields[] = { "variant-template-0", "variant-template-1", "variant-template-2",
                                               "variant-template-3", "variant-template-4" };
      g_autofree char *subject_title = g_strdup_printf (_("Subject %c"), 'A' + i);
      g_autofree char *content_title = g_strdup_printf (_("Content %c"), 'A' + i);
      GtkWidget *row = adw_entry_row_new ();
      const char *none[] = { NULL };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject_title);
      g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, 0);
      name_field (row, g_intern_static_string (subject_fields[i]));
      adw_expander_row_add_row (self->ab_row, row);
      self->variant_subject[i] = ADW_ENTRY_ROW (row);
      register_field (self, g_intern_static_string (subject_fields[i]), row, NULL);
      self->variant_template[i] = combo_row (GTK_WIDGET (self->ab_row), content_title, none);
      g_signal_connect_object (self->variant_template[i], "notify::selected", G_CALLBACK (ab_changed_cb), self, G_CONNECT_SWAPPED);
      register_field (self, g_intern_static_string (template_fields[i]), GTK_WIDGET (self->variant_template[i]), NULL);
    }
  self->test_percent_spin = spin_row (GTK_WIDGET (self->ab_row), _("Test Group (Percent of the Audience)"), 2, 50, 10);
  g_signal_connect_object (self->test_percent_spin, "value-changed", G_CALLBACK (ab_changed_cb), self, G_CONNECT_SWAPPED);
  self->metric_row = combo_row (GTK_WIDGET (self->ab_row), _("Winner Decided By"), metrics);
  g_signal_connect_object (self->metric_row, "notify::selected", G_CALLBACK (ab_changed_cb), self, G_CONNECT_SWAPPED);
  self->wait_spin = spin_row (GTK_WIDGET (self->ab_row), _("Wait (hours)"), 1, 168, 4);
  self->confidence_row = combo_row (GTK_WIDGET (self->ab_row), _("Confidence Level"), levels);
  adw_combo_row_set_selected (self->confidence_row, 1);
  g_signal_connect_object (self->confidence_row, "notify::selected", G_CALLBACK (ab_changed_cb), self, G_CONNECT_SWAPPED);
  self->no_winner_row = combo_row (GTK_WIDGET (self->ab_row), _("Without a Significant Winner"), no_winner);
  /* "Auf meine Entscheidung warten" did not fit beside the title. */
  adw_combo_row_set_use_subtitle (self->no_winner_row, TRUE);
  register_field (self, "test-percent", GTK_WIDGET (self->test_percent_spin), NULL);
  register_field (self, "metric", GTK_WIDGET (self->metric_row), NULL);
  register_field (self, "wait", GTK_WIDGET (self->wait_spin), NULL);
  register_field (self, "confidence", GTK_WIDGET (self->confidence_row), NULL);
  register_field (self, "no-winner", GTK_WIDGET (self->no_winner_row), NULL);

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_box_append (page, GTK_WIDGET (self->hint_label));
  g_object_bind_property (self->ab_row, "enable-expansion", self->hint_label, "visible", G_BINDING_SYNC_CREATE);
}

/* Minutes as on a clock: 09:05, not 9:5. */
static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  char text[8];

  g_snprintf (text, sizeof text, "%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
build_schedule (HeraldWizardWindow *self)
{
  GtkBox *page = add_page (self, HERALD_WIZARD_STEP_SCHEDULE,
                           _("Choose when the campaign goes out. Scheduled campaigns are queued and sent by the CRM."));
  GtkWidget *group, *box, *label, *button, *time_box;
  const char *modes[] = { _("Leave unscheduled (draft)"), _("Send now"), _("Schedule for a date and time") };
  g_autoptr(GtkStringList) zones = NULL;
  g_autofree char *local_zone = herald_wizard_default_time_zone ();

  group = group_new (page, _("When"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), modes[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, modes[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->mode_buttons[0]);
      self->mode_buttons[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_check_button_set_active (self->mode_buttons[MODE_DRAFT], TRUE);
  register_field (self, "mode-draft", GTK_WIDGET (self->mode_buttons[MODE_DRAFT]), NULL);
  register_field (self, "mode-now", GTK_WIDGET (self->mode_buttons[MODE_NOW]), NULL);
  register_field (self, "mode-schedule", GTK_WIDGET (self->mode_buttons[MODE_SCHEDULE]), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (box, "card");
  label = gtk_label_new (NULL);
  self->now_label = GTK_LABEL (label);
  register_field (self, "now-reason", label, NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  button = gtk_button_new_with_mnemonic (_("Schedule _Instead"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.schedule-instead");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 12);
  gtk_widget_set_margin_bottom (button, 12);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (page, box);
  self->now_box = box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->schedule_group = box;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->calendar), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  /* "day-selected" is not emitted for gtk_calendar_select_day(). */
  g_signal_connect_object (self->calendar, "notify::day", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Time"));
  gtk_box_append (GTK_BOX (time_box), label);
  self->hour_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 23, 1));
  self->minute_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 59, 5));
  g_signal_connect (self->hour_spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  gtk_spin_button_set_value (self->hour_spin, 9);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->hour_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hour"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minute_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minute"), -1);
  g_signal_connect_object (self->hour_spin, "value-changed", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "value-changed", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->hour_spin));
  gtk_box_append (GTK_BOX (time_box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->minute_spin));
  gtk_box_append (GTK_BOX (box), time_box);
  group = adw_preferences_group_new ();
  self->zones = herald_wizard_list_time_zones ();
  zones = gtk_string_list_new ((const char * const *) self->zones);
  self->zone_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->zone_row), _("Time Zone"));
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (zones));
  for (guint i = 0; self->zones[i] != NULL; i++)
    if (g_strcmp0 (self->zones[i], local_zone) == 0)
      adw_combo_row_set_selected (self->zone_row, i);
  g_signal_connect_object (self->zone_row, "notify::selected", G_CALLBACK (schedule_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->zone_row));
  gtk_box_append (GTK_BOX (box), group);
  self->utc_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->utc_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->utc_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->utc_label));
  gtk_box_append (page, box);
  register_field (self, "schedule", GTK_WIDGET (self->calendar), error_label_new (page));
  register_field (self, "hour", GTK_WIDGET (self->hour_spin), NULL);
  register_field (self, "minute", GTK_WIDGET (self->minute_spin), NULL);
  register_field (self, "zone", GTK_WIDGET (self->zone_row), NULL);
  register_field (self, "utc", GTK_WIDGET (self->utc_label), NULL);

  group = group_new (page, _("Cost"), NULL);
  self->cost_row = entry_row_new (self, group, _("Cost per Message"));
  name_field (GTK_WIDGET (self->cost_row), "cost");
  register_field (self, "cost", GTK_WIDGET (self->cost_row), error_label_new (page));
  self->estimate_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->estimate_label, TRUE);
  gtk_label_set_xalign (self->estimate_label, 0);
  gtk_box_append (page, GTK_WIDGET (self->estimate_label));
  register_field (self, "estimate", GTK_WIDGET (self->estimate_label), NULL);
}

static void
build_review (HeraldWizardWindow *self)
{
  GtkBox *page = add_page (self, HERALD_WIZARD_STEP_REVIEW,
                           _("Check everything once more. Problems that block scheduling are marked; a draft can be saved anyway."));

  self->review_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_box_append (page, GTK_WIDGET (self->review_box));
  register_field (self, "review", GTK_WIDGET (self->review_box), NULL);
}

static void
build_step_indicator (HeraldWizardWindow *self)
{
  for (guint i = 0; i < HERALD_WIZARD_N_STEPS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u  %s", i + 1, step_title (i));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.go-to-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) i);
      /* Rounded like a pill, but with the padding of a normal button: five
       * pills do not fit the window's 760 pixels in German. */
      gtk_widget_add_css_class (button, "wizard-step");
      gtk_box_append (self->step_indicator, button);
      self->step_buttons[i] = button;
    }
}

/* Loading */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
settings_string (HeraldWizardWindow *self,
                 const char         *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_get_string (self->settings, key);
}

static void
load_campaign (HeraldWizardWindow *self)
{
  HeraldCampaign *c = self->campaign;
  g_autoptr(GPtrArray) variants = NULL;
  GDateTime *scheduled_at;
  gint64 budget = herald_campaign_get_budget (c);

  self->loading = TRUE;
  set_entry (self->name_row, herald_campaign_get_name (c));
  set_entry (self->description_row, herald_campaign_get_description (c));
  gtk_flow_box_select_child (self->type_box,
                             gtk_flow_box_get_child_at_index (self->type_box, herald_campaign_get_campaign_type (c)));
  for (guint i = 0; self->currencies[i] != NULL; i++)
    if (g_strcmp0 (self->currencies[i], herald_campaign_get_currency (c)) == 0)
      adw_combo_row_set_selected (self->currency_row, i);
  if (budget > 0)
    {
      int decimals = herald_currency_decimals (herald_campaign_get_currency (c));
      double scale = 1;
      g_autofree char *text = NULL;

      for (int i = 0; i < decimals; i++)
        scale *= 10;
      /* In the locale's notation, which herald_parse_money() reads back. */
      text = herald_format_decimal (budget / scale, decimals);
      set_entry (self->budget_row, text);
    }
  set_entry (self->from_name_row, herald_campaign_get_from_name (c));
  set_entry (self->from_address_row, herald_campaign_get_from_address (c));
  set_entry (self->reply_to_row, herald_campaign_get_reply_to (c));
  set_entry (self->preheader_row, herald_campaign_get_preheader (c));
  g_free (self->segment_id);
  self->segment_id = g_strdup (herald_campaign_get_segment_id (c));
  g_free (self->template_id);
  self->template_id = g_strdup (herald_campaign_get_template_id (c));

  variants = herald_store_list_variants (self->store, herald_record_get_id (HERALD_RECORD (c)), NULL);
  self->loading = FALSE;
  refresh_segments (self);
  refresh_templates (self);
  self->loading = TRUE;
  if (variants != NULL && variants->len >= 2)
    {
      adw_expander_row_set_enable_expansion (self->ab_row, TRUE);
      gtk_spin_button_set_value (self->variants_spin, MIN (variants->len, MAX_VARIANTS));
      for (guint j = 0; j < variants->len; j++)
        {
          HeraldVariant *v = g_ptr_array_index (variants, j);
          const char *name = herald_variant_get_variant_name (v);
          guint i;

          if (name == NULL || strlen (name) != 1 || name[0] < 'A' || name[0] >= 'A' + MAX_VARIANTS)
            continue;
          i = name[0] - 'A';
          set_entry (self->variant_subject[i], herald_variant_get_subject (v));
          for (guint t = 0; t < self->templates->len; t++)
            {
              HeraldTemplate *template_ = g_ptr_array_index (self->templates, t);
              const char *body = herald_variant_get_body_template (v);

              if (body != NULL && body[0] != '\0'
                  && (g_strcmp0 (body, herald_template_get_body_html (template_)) == 0
                      || g_strcmp0 (body, herald_template_get_body_text (template_)) == 0)
                  && g_strcmp0 (herald_record_get_id (HERALD_RECORD (template_)), self->template_id) != 0)
                adw_combo_row_set_selected (self->variant_template[i], t + 1);
            }
        }
      if (herald_campaign_get_ab_test_percent (c) > 0)
        gtk_spin_button_set_value (self->test_percent_spin, herald_campaign_get_ab_test_percent (c));
      adw_combo_row_set_selected (self->metric_row, herald_campaign_get_ab_winner_metric (c));
      if (herald_campaign_get_ab_wait_hours (c) > 0)
        gtk_spin_button_set_value (self->wait_spin, herald_campaign_get_ab_wait_hours (c));
      for (guint i = 0; i < G_N_ELEMENTS (confidence_levels); i++)
        if (ABS (confidence_levels[i] - herald_campaign_get_ab_confidence_level (c)) < 0.001)
          adw_combo_row_set_selected (self->confidence_row, i);
      adw_combo_row_set_selected (self->no_winner_row, herald_campaign_get_ab_auto_send_winner (c) ? 1 : 0);
    }

  scheduled_at = herald_campaign_get_scheduled_at (c);
  if (scheduled_at != NULL)
    {
      guint zone = adw_combo_row_get_selected (self->zone_row);
      g_autoptr(GTimeZone) found = g_time_zone_new_identifier (zone < g_strv_length (self->zones) ? self->zones[zone] : "UTC");
      g_autoptr(GTimeZone) tz = found != NULL ? g_time_zone_ref (found) : g_time_zone_new_utc ();
      g_autoptr(GDateTime) local = g_date_time_to_timezone (scheduled_at, tz);

      gtk_calendar_select_day (self->calendar, local);
      gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
      gtk_check_button_set_active (self->mode_buttons[MODE_SCHEDULE], TRUE);
    }
  offer_remembered_cost (self);
  self->loading = FALSE;
  update_reach (self);
  update_preview (self);
  update_hint (self);
  update_schedule_labels (self);
}

static void
set_defaults (HeraldWizardWindow *self)
{
  g_autofree char *currency = settings_string (self, "default-currency");
  g_autofree char *from_name = settings_string (self, "default-sender-name");
  g_autofree char *from_address = settings_string (self, "default-sender-address");
  g_autofree char *reply_to = settings_string (self, "default-reply-to");

  /* Only a currency the drop-down offers, or it would show another one. */
  herald_campaign_set_currency (self->campaign,
                                currency != NULL && herald_is_valid_currency (currency)
                                && g_strv_contains ((const char * const *) self->currencies, currency)
                                ? currency : herald_default_currency ());
  herald_campaign_set_from_name (self->campaign, from_name != NULL ? from_name : "");
  herald_campaign_set_from_address (self->campaign, from_address != NULL ? from_address : "");
  herald_campaign_set_reply_to (self->campaign, reply_to != NULL ? reply_to : "");
}

/* GObject */

static gboolean
herald_wizard_window_close_request (GtkWindow *window)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (window);

  if (self->closing)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.close", NULL);
  return TRUE;
}

static void
herald_wizard_window_dispose (GObject *object)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  if (self->editor_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->editor_window), (gpointer *) &self->editor_window);
      gtk_window_destroy (g_steal_pointer (&self->editor_window));
    }
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->network_monitor);
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->shown, herald_wizard_preview_free);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HERALD_TYPE_WIZARD_WINDOW);

  G_OBJECT_CLASS (herald_wizard_window_parent_class)->dispose (object);
}

static void
herald_wizard_window_finalize (GObject *object)
{
  HeraldWizardWindow *self = HERALD_WIZARD_WINDOW (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->currencies, g_strfreev);
  g_clear_pointer (&self->zones, g_strfreev);
  g_free (self->segment_id);
  g_free (self->template_id);
  g_free (self->reason);

  G_OBJECT_CLASS (herald_wizard_window_parent_class)->finalize (object);
}

static void
herald_wizard_window_class_init (HeraldWizardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = herald_wizard_window_dispose;
  object_class->finalize = herald_wizard_window_finalize;
  window_class->close_request = herald_wizard_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-wizard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, step_indicator);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, save_draft_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldWizardWindow, next_button);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_activated_cb);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_activated_cb);
  gtk_widget_class_install_action (widget_class, "wizard.go-to-step", "i", go_to_step_activated_cb);
  gtk_widget_class_install_action (widget_class, "wizard.save-draft", NULL, save_draft_activated_cb);
  gtk_widget_class_install_action (widget_class, "wizard.close", NULL, close_activated_cb);
  gtk_widget_class_install_action (widget_class, "wizard.schedule-instead", NULL, schedule_instead_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.close", NULL);
}

static void
herald_wizard_window_init (HeraldWizardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->errors = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  self->settings = g_settings_new ("io.github.herald.Herald");

  /* No validation until herald_wizard_window_new() has loaded a campaign. */
  self->loading = TRUE;
  build_step_indicator (self);
  build_basics (self);
  build_audience (self);
  build_content (self);
  build_schedule (self);
  build_review (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
  herald_wizard_window_set_network_monitor (self, NULL);
}

/* Public API */

/**
 * herald_wizard_window_new:
 * @application: the application (its store is used)
 * @parent: (nullable): the main window
 * @campaign_id: (nullable): a draft campaign to edit, or %NULL for a new one
 * @error: a location for an error
 *
 * Opens the campaign builder.  Only drafts can be edited here; other
 * campaigns are edited in their detail page.
 *
 * Returns: (transfer none) (nullable): the wizard window, or %NULL when
 *   the campaign cannot be loaded or is not a draft
 */
HeraldWizardWindow *
herald_wizard_window_new (HeraldApplication  *application,
                          GtkWindow          *parent,
                          const char         *campaign_id,
                          GError            **error)
{
  HeraldStore *store;
  g_autoptr(HeraldCampaign) campaign = NULL;
  HeraldWizardWindow *self;

  g_return_val_if_fail (HERALD_IS_APPLICATION (application), NULL);

  store = herald_application_get_store (application);
  if (store == NULL)
    {
      g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED,
                           _("No store is open, so no campaign can be created."));
      return NULL;
    }
  if (campaign_id != NULL && campaign_id[0] != '\0')
    {
      campaign = herald_store_get_campaign (store, campaign_id, error);
      if (campaign == NULL)
        return NULL;
      if (herald_campaign_get_status (campaign) != HERALD_CAMPAIGN_STATUS_DRAFT)
        {
          g_set_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_INVALID,
                       _("“%s” is not a draft: only drafts can be edited in the campaign builder."),
                       herald_campaign_get_name (campaign));
          return NULL;
        }
    }

  self = g_object_new (HERALD_TYPE_WIZARD_WINDOW,
                       "application", application,
                       "transient-for", parent,
                       NULL);
  self->application = application;
  self->store = g_object_ref (store);
  if (campaign != NULL)
    {
      self->campaign = g_steal_pointer (&campaign);
      adw_window_title_set_title (self->window_title, _("Edit Campaign"));
    }
  else
    {
      self->campaign = herald_campaign_new ();
      set_defaults (self);
    }
  g_signal_connect_object (store, "record-changed", G_CALLBACK (store_record_changed_cb), self, 0);
  load_campaign (self);
  update_step_indicator (self);
  update_validity (self);
  return self;
}

/**
 * herald_wizard_window_get_campaign:
 * @self: the wizard
 *
 * Returns: (transfer none): the campaign being built, as last applied
 */
HeraldCampaign *
herald_wizard_window_get_campaign (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return self->campaign;
}

/**
 * herald_wizard_window_get_step:
 * @self: the wizard
 *
 * Returns: the visible step
 */
HeraldWizardStep
herald_wizard_window_get_step (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), HERALD_WIZARD_STEP_BASICS);

  return self->step;
}

/**
 * herald_wizard_window_get_reason:
 * @self: the wizard
 *
 * Returns: (nullable): why Next is disabled, or %NULL when it is enabled
 */
const char *
herald_wizard_window_get_reason (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return self->reason;
}

/**
 * herald_wizard_window_get_checks:
 * @self: the wizard
 *
 * Returns: (transfer none) (nullable) (element-type HeraldWizardCheck): the
 *   review checklist as last shown
 */
GPtrArray *
herald_wizard_window_get_checks (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return self->checks;
}

/**
 * herald_wizard_window_get_hint:
 * @self: the wizard
 *
 * Returns: the A/B sample-size hint as shown
 */
const char *
herald_wizard_window_get_hint (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return gtk_label_get_text (self->hint_label);
}

static void
network_changed_cb (GNetworkMonitor    *monitor,
                    gboolean            available,
                    HeraldWizardWindow *self)
{
  update_validity (self);
}

/**
 * herald_wizard_window_set_network_monitor:
 * @self: the wizard
 * @monitor: (nullable): a network monitor, %NULL for the default one
 *
 * Where the wizard learns whether it is online, for "send now".  Tests
 * give it a monitor of their own.
 */
void
herald_wizard_window_set_network_monitor (HeraldWizardWindow *self,
                                          GNetworkMonitor    *monitor)
{
  g_return_if_fail (HERALD_IS_WIZARD_WINDOW (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (monitor == NULL)
    monitor = g_network_monitor_get_default ();
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_set_object (&self->network_monitor, monitor);
  g_signal_connect_object (monitor, "network-changed", G_CALLBACK (network_changed_cb), self, 0);
  update_validity (self);
}

/**
 * herald_wizard_window_get_preview:
 * @self: the wizard
 *
 * Returns: (transfer none) (nullable): the message the content step shows,
 *   as last rendered; %NULL without a template or when it cannot be
 *   rendered
 */
const HeraldWizardPreview *
herald_wizard_window_get_preview (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return self->shown;
}

/**
 * herald_wizard_window_get_template_editor:
 * @self: the wizard
 *
 * Returns: (transfer none) (nullable): the template editor that *New…*
 *   opened in a window of its own, while that window is open
 */
HeraldTemplateEditor *
herald_wizard_window_get_template_editor (HeraldWizardWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return self->editor;
}

/**
 * herald_wizard_window_get_field:
 * @self: the wizard
 * @name: a field name ("name", "budget", "from-address", "segment",
 *   "template", "ab", "variant-subject-0", "zone", "cost", ...)
 *
 * For tests and for focusing a field from elsewhere.
 *
 * Returns: (transfer none) (nullable): the field's widget
 */
GtkWidget *
herald_wizard_window_get_field (HeraldWizardWindow *self,
                                const char         *name)
{
  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  return g_hash_table_lookup (self->fields, name);
}

/**
 * herald_wizard_window_get_field_error:
 * @self: the wizard
 * @name: a field name
 *
 * Returns: (nullable): the message shown next to the field, or %NULL when
 *   none is shown
 */
const char *
herald_wizard_window_get_field_error (HeraldWizardWindow *self,
                                      const char         *name)
{
  GtkWidget *label;

  g_return_val_if_fail (HERALD_IS_WIZARD_WINDOW (self), NULL);

  label = g_hash_table_lookup (self->errors, name);
  if (label == NULL || !gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}
