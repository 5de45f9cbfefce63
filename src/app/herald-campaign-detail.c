/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-detail.c: the page of one campaign: header with the
 * lifecycle actions the transition table allows, and the Overview,
 * Recipients, Activity and Variants sections.
 *
 * The page holds a copy of the campaign and reloads it from the store on
 * every "record-changed" of that id, so what it shows is what is stored. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-activity-page.h"
#include "herald-ab-results.h"
#include "herald-campaign-detail.h"
#include "herald-campaign-performance.h"
#include "herald-campaign-ops.h"
#include "herald-dialogs.h"
#include "herald-recipients-page.h"
#include "herald-status-badge.h"

typedef enum {
  FIELD_TEXT,
  FIELD_MONEY,
} FieldKind;

static const struct {
  const char *property;
  const char *title;
  FieldKind   kind;
} fields[] = {
  { "name", N_("Name"), FIELD_TEXT },
  { "description", N_("Description"), FIELD_TEXT },
  { "budget", N_("Budget"), FIELD_MONEY },
  { "preheader", N_("Preheader"), FIELD_TEXT },
  { "from-name", N_("Sender Name"), FIELD_TEXT },
  { "from-address", N_("Sender Address"), FIELD_TEXT },
  { "reply-to", N_("Reply-To Address"), FIELD_TEXT },
};

#define N_FIELDS G_N_ELEMENTS (fields)

/* The lifecycle actions and the status each leads to. */
static const struct {
  const char           *action;
  HeraldCampaignStatus  to;
} transitions[] = {
  { "campaign.schedule", HERALD_CAMPAIGN_STATUS_SCHEDULED },
  { "campaign.unschedule", HERALD_CAMPAIGN_STATUS_DRAFT },
  { "campaign.start", HERALD_CAMPAIGN_STATUS_RUNNING },
  { "campaign.pause", HERALD_CAMPAIGN_STATUS_PAUSED },
  { "campaign.resume", HERALD_CAMPAIGN_STATUS_RUNNING },
  { "campaign.cancel", HERALD_CAMPAIGN_STATUS_CANCELLED },
};

struct _HeraldCampaignDetail
{
  AdwBin               parent_instance;

  HeraldStore         *store;
  HeraldCampaign      *campaign;

  GtkWidget           *field_rows[N_FIELDS];
  GtkLabel            *field_errors[N_FIELDS];

  GtkWidget           *back_button;
  GtkScrolledWindow   *overview_scroller;
  GtkLabel            *name_label;
  GtkImage            *type_icon;
  GtkLabel            *type_label;
  HeraldStatusBadge   *status_badge;
  GtkWidget           *edit_button;
  GtkWidget           *wizard_button;
  GtkWidget           *schedule_button;
  GtkWidget           *unschedule_button;
  GtkWidget           *start_button;
  GtkWidget           *pause_button;
  GtkWidget           *resume_button;
  GtkWidget           *cancel_button;
  GtkWidget           *duplicate_button;
  GtkWidget           *send_test_button;
  GtkWidget           *delete_button;
  AdwViewStack        *view_stack;
  GtkFlowBox          *metrics_box;
  AdwActionRow        *schedule_row;
  AdwActionRow        *started_row;
  AdwActionRow        *completed_row;
  AdwActionRow        *segment_row;
  AdwActionRow        *template_row;
  GtkBox              *fields_box;
  HeraldRecipientsPage *recipients_page;
  HeraldActivityPage  *activity_page;
  GtkStack            *variants_stack;
  GtkListBox          *variants_list;
  HeraldCampaignPerformance *performance;
  HeraldAbResults     *ab_results;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignDetail, herald_campaign_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

enum {
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers ------------------------------------------------------------- */

static GtkWindow *
parent_window (HeraldCampaignDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (HeraldCampaignDetail *self,
            const char           *heading,
            GError               *error)
{
  herald_dialogs_show_error (parent_window (self), heading, error->message);
}

static char *
format_time_or_dash (GDateTime *time)
{
  return time != NULL ? herald_format_datetime (time) : g_strdup (HERALD_NO_VALUE);
}

static GtkWidget *
metric_card (const char *title,
             const char *value,
             const char *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  g_autofree char *description = g_strdup_printf ("%s: %s, %s", title, value, caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "metric-card");

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (card), label);

  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (card), label);

  label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (card), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return card;
}

/* "24.1 % of 3,210 delivered"; "—" without a denominator. */
static char *
rate_caption (gint64      numerator,
              gint64      denominator,
              const char *what)
{
  g_autofree char *rate = herald_format_rate (numerator, denominator, 1);
  g_autofree char *count = NULL;

  if (denominator <= 0)
    return g_strdup (HERALD_NO_VALUE);
  count = herald_format_count (denominator);
  /* Translators: "24.1 % of 3,210 delivered": a rate, a count and what the
   * count is (already translated: "delivered", "sent", ...) */
  return g_strdup_printf (C_("rate of count", "%s of %s %s"), rate, count, what);
}

static void
add_metric (HeraldCampaignDetail *self,
            const char           *title,
            const char           *value,
            const char           *caption)
{
  gtk_flow_box_append (self->metrics_box, metric_card (title, value, caption));
}

static void
update_metrics (HeraldCampaignDetail *self)
{
  HeraldCampaign *c = self->campaign;
  const char *currency = herald_campaign_get_currency (c);
  gint64 audience = herald_campaign_get_target_count (c);
  gint64 sent = herald_campaign_get_sent_count (c);
  gint64 delivered = herald_campaign_get_delivered_count (c);
  gint64 opens = herald_campaign_get_open_count (c);
  gint64 clicks = herald_campaign_get_click_count (c);
  gint64 conversions = herald_campaign_get_conversion_count (c);
  gint64 spent = herald_campaign_get_spent (c);
  gint64 budget = herald_campaign_get_budget (c);
  gint64 revenue = 0;
  g_autoptr(HeraldPerformanceDay) totals = NULL;
  GtkWidget *child;
  double roi;
  char *value, *caption;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->metrics_box))) != NULL)
    gtk_flow_box_remove (self->metrics_box, child);

  totals = herald_store_get_performance_totals (self->store,
                                                herald_record_get_id (HERALD_RECORD (c)),
                                                NULL, NULL, NULL);
  if (totals != NULL)
    revenue = herald_performance_day_get_revenue (totals);

#define ADD(title, v, cap) \
  value = (v); caption = (cap); add_metric (self, title, value, caption); g_free (value); g_free (caption)

  ADD (_("Audience"), herald_format_count (audience), g_strdup (_("recipients in the segment")));
  ADD (_("Sent"), herald_format_count (sent), rate_caption (sent, audience, C_("of count", "in the audience")));
  ADD (_("Delivered"), herald_format_count (delivered), rate_caption (delivered, sent, C_("of count", "sent")));
  ADD (_("Unique Opens"), herald_format_count (opens), rate_caption (opens, delivered, C_("of count", "delivered")));
  ADD (_("Unique Clicks"), herald_format_count (clicks), rate_caption (clicks, delivered, C_("of count", "delivered")));
  ADD (_("Conversions"), herald_format_count (conversions), rate_caption (conversions, delivered, C_("of count", "delivered")));
  ADD (_("Revenue"), herald_format_money (revenue, currency), g_strdup (_("from conversions")));
  {
    g_autofree char *budget_text = herald_format_money (budget, currency);
    g_autofree char *rate = herald_format_rate (spent, budget, 1);

    /* Translators: "45.0 % of the budget of 5,000.00 €" */
    ADD (_("Spent"), herald_format_money (spent, currency),
         budget > 0 ? g_strdup_printf (_("%s of the budget of %s"), rate, budget_text)
                    : g_strdup (HERALD_NO_VALUE));
  }
  {
    g_autofree char *spent_text = herald_format_money (spent, currency);

    /* Translators: ROI caption, %s is the money spent */
    ADD (_("Return on Investment"),
         herald_metrics_roi (revenue, spent, &roi) ? herald_format_percent (roi, 1) : g_strdup (HERALD_NO_VALUE),
         spent > 0 ? g_strdup_printf (_("on %s spent"), spent_text) : g_strdup (HERALD_NO_VALUE));
  }
#undef ADD
}

static void
update_summary (HeraldCampaignDetail *self)
{
  HeraldCampaign *c = self->campaign;
  g_autofree char *scheduled = format_time_or_dash (herald_campaign_get_scheduled_at (c));
  g_autofree char *started = format_time_or_dash (herald_campaign_get_started_at (c));
  g_autofree char *completed = format_time_or_dash (herald_campaign_get_completed_at (c));
  const char *segment_id = herald_campaign_get_segment_id (c);
  const char *template_id = herald_campaign_get_template_id (c);
  g_autoptr(HeraldSegment) segment = NULL;
  g_autoptr(HeraldTemplate) template = NULL;
  g_autofree char *segment_text = NULL;

  adw_action_row_set_subtitle (self->schedule_row, scheduled);
  adw_action_row_set_subtitle (self->started_row, started);
  adw_action_row_set_subtitle (self->completed_row, completed);

  if (segment_id != NULL)
    segment = herald_store_get_segment (self->store, segment_id, NULL);
  if (segment != NULL)
    {
      g_autofree char *count = herald_format_count (herald_segment_get_contact_count (segment));

      /* Translators: a segment's name and its number of contacts */
      segment_text = g_strdup_printf (ngettext ("%s · %s contact", "%s · %s contacts",
                                                herald_segment_get_contact_count (segment)),
                                      herald_segment_get_name (segment), count);
    }
  adw_action_row_set_subtitle (self->segment_row, segment_text ? segment_text : _("No segment chosen"));

  if (template_id != NULL)
    template = herald_store_get_template (self->store, template_id, NULL);
  adw_action_row_set_subtitle (self->template_row,
                               template ? herald_template_get_name (template) : _("No template chosen"));
}

static char *
field_text (HeraldCampaign *campaign,
            guint           i)
{
  if (fields[i].kind == FIELD_MONEY)
    {
      gint64 value;

      g_object_get (campaign, fields[i].property, &value, NULL);
      return herald_format_money (value, herald_campaign_get_currency (campaign));
    }
  else
    {
      char *value = NULL;

      g_object_get (campaign, fields[i].property, &value, NULL);
      return value != NULL ? value : g_strdup ("");
    }
}

static void
set_field_error (HeraldCampaignDetail *self,
                 guint                 i,
                 const char           *message)
{
  gtk_label_set_label (self->field_errors[i], message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->field_errors[i]), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->field_rows[i], "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->field_rows[i]),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->field_rows[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->field_rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_fields (HeraldCampaignDetail *self)
{
  HeraldCampaignStatus status = herald_campaign_get_status (self->campaign);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = field_text (self->campaign, i);
      gboolean editable = herald_campaign_status_allows_edit (status, fields[i].property);
      g_autofree char *why = NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->field_rows[i]), text);
      gtk_widget_set_sensitive (self->field_rows[i], editable);
      if (!editable)
        /* Translators: %s is a campaign status such as “Running” */
        why = g_strdup_printf (_("Can no longer be changed: the campaign is “%s”"),
                               herald_campaign_status_get_display_name (status));
      gtk_widget_set_tooltip_text (self->field_rows[i], why);
      set_field_error (self, i, NULL);
    }
}

static void
keep_together (char **text)
{
  GString *s = g_string_new (*text);

  g_string_replace (s, " ", "\u00a0", 0);
  g_free (*text);
  *text = g_string_free (s, FALSE);
}

static void
update_variants (HeraldCampaignDetail *self)
{
  g_autoptr(GPtrArray) variants = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->variants_list))) != NULL)
    gtk_list_box_remove (self->variants_list, child);

  variants = herald_store_list_variants (self->store,
                                         herald_record_get_id (HERALD_RECORD (self->campaign)), NULL);
  for (guint i = 0; variants != NULL && i < variants->len; i++)
    {
      HeraldVariant *v = g_ptr_array_index (variants, i);
      gint64 delivered = herald_variant_get_delivered_count (v);
      g_autofree char *title = NULL;
      g_autofree char *sent = herald_format_count (herald_variant_get_sent_count (v));
      g_autofree char *delivered_text = herald_format_count (delivered);
      g_autofree char *open = herald_format_rate (herald_variant_get_open_count (v), delivered, 1);
      g_autofree char *click = herald_format_rate (herald_variant_get_click_count (v), delivered, 1);
      g_autofree char *conversion = herald_format_rate (herald_variant_get_conversion_count (v), delivered, 1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* a rate stays on one line: "36,9 %" */
      keep_together (&open);
      keep_together (&click);
      keep_together (&conversion);

      /* Translators: %s is a variant's letter (A, B, C) */
      title = g_strdup_printf (_("Variant %s"), herald_variant_get_variant_name (v));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Translators: the numbers of an A/B variant */
      subtitle = g_strdup_printf (_("“%s”\n%s sent · %s delivered · open rate %s · click rate %s · conversion rate %s"),
                                  herald_variant_get_subject (v) ? herald_variant_get_subject (v) : "",
                                  sent, delivered_text, open, click, conversion);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (herald_variant_get_is_winner (v))
        {
          GtkWidget *winner = gtk_label_new (_("Winner"));

          gtk_widget_add_css_class (winner, "status-badge");
          /* the success colour of a running campaign: it stands out */
          gtk_widget_add_css_class (winner, "status-running");
          gtk_widget_set_valign (winner, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), winner);
        }
      gtk_list_box_append (self->variants_list, row);
    }
  gtk_stack_set_visible_child_name (self->variants_stack,
                                    variants != NULL && variants->len > 0 ? "list" : "empty");
}

/* Edit, Duplicate and Delete: what the status still allows. */
static void
update_edit_actions (HeraldCampaignDetail *self)
{
  HeraldCampaignStatus status = herald_campaign_get_status (self->campaign);
  const char *status_name = herald_campaign_status_get_display_name (status);
  g_autofree char *why = NULL;
  g_autofree char *edit_tip = NULL;
  guint n_editable = 0;
  gboolean can_delete;

  for (guint i = 0; i < N_FIELDS; i++)
    if (herald_campaign_status_allows_edit (status, fields[i].property))
      n_editable++;
  if (n_editable == 0)
    /* Translators: %s is a campaign status such as “Completed” */
    edit_tip = g_strdup_printf (_("Nothing can be changed any more: the campaign is “%s”"), status_name);
  else if (n_editable < N_FIELDS)
    /* Translators: %s is a campaign status such as “Running” */
    edit_tip = g_strdup_printf (_("Only some details can still change: the campaign is “%s”"), status_name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.edit", n_editable > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.save", n_editable > 0);
  gtk_widget_set_tooltip_text (self->edit_button, edit_tip);

  /* A copy is a new draft: any campaign can be the model of another. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.duplicate", TRUE);

  can_delete = herald_campaign_ops_can_delete (self->campaign, &why);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.delete", can_delete);
  gtk_widget_set_tooltip_text (self->delete_button, can_delete ? _("Delete…") : why);
}

static void
update_actions (HeraldCampaignDetail *self)
{
  HeraldCampaignStatus status = herald_campaign_get_status (self->campaign);
  const char *status_name = herald_campaign_status_get_display_name (status);
  g_autofree char *why = NULL;
  GtkWidget *buttons[] = {
    self->schedule_button, self->unschedule_button, self->start_button,
    self->pause_button, self->resume_button, self->cancel_button,
  };

  /* Translators: why an action is not available; %s is a status such as “Completed” */
  why = g_strdup_printf (_("Not possible for a campaign with the status “%s”"), status_name);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      gboolean can = herald_campaign_status_can_transition (status, transitions[i].to);

      /* Resume and Start both lead to running: each only from its own state. */
      if (g_str_equal (transitions[i].action, "campaign.resume"))
        can = can && status == HERALD_CAMPAIGN_STATUS_PAUSED;
      else if (g_str_equal (transitions[i].action, "campaign.start"))
        can = can && status != HERALD_CAMPAIGN_STATUS_PAUSED;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), transitions[i].action, can);
      gtk_widget_set_tooltip_text (buttons[i], can ? NULL : why);
    }

  update_edit_actions (self);

  gtk_widget_set_visible (self->wizard_button, status == HERALD_CAMPAIGN_STATUS_DRAFT);
  /* The target first: the action takes the campaign's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->wizard_button), "s",
                                    herald_record_get_id (HERALD_RECORD (self->campaign)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->wizard_button), "win.edit-campaign");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.send-test",
                                 !herald_campaign_status_is_final (status));
  gtk_widget_set_tooltip_text (self->send_test_button,
                               herald_campaign_status_is_final (status) ? why : _("Send Test…"));
}

static void
update_all (HeraldCampaignDetail *self)
{
  HeraldCampaignType type;

  if (self->campaign == NULL || self->store == NULL)
    return;
  type = herald_campaign_get_campaign_type (self->campaign);
  gtk_label_set_label (self->name_label, herald_campaign_get_name (self->campaign));
  gtk_image_set_from_icon_name (self->type_icon, herald_campaign_type_get_icon_name (type));
  gtk_label_set_label (self->type_label, herald_campaign_type_get_display_name (type));
  herald_status_badge_set_status (self->status_badge, herald_campaign_get_status (self->campaign));
  update_actions (self);
  update_metrics (self);
  update_summary (self);
  update_fields (self);
  update_variants (self);
}

static void
record_changed_cb (HeraldCampaignDetail *self,
                   HeraldRecord         *old_record,
                   HeraldRecord         *new_record)
{
  HeraldRecord *any = new_record ? new_record : old_record;

  if (self->campaign == NULL || !HERALD_IS_CAMPAIGN (any)
      || g_strcmp0 (herald_record_get_id (any), herald_record_get_id (HERALD_RECORD (self->campaign))) != 0)
    return;
  if (new_record == NULL)
    {
      g_signal_emit (self, signals[BACK], 0);
      return;
    }
  g_clear_object (&self->campaign);
  self->campaign = HERALD_CAMPAIGN (herald_record_copy (new_record));
  update_all (self);
}

/* Lifecycle ----------------------------------------------------------- */

typedef struct
{
  HeraldCampaignDetail *self;
  HeraldCampaignStatus  to;
} TransitionData;

/* What an undo of a transition needs; owned by the toast. */
typedef struct
{
  GtkWidget            *widget;
  HeraldStore          *store;
  HeraldStoreUndoPoint *point;
  HeraldCampaign       *before;
} TransitionUndo;

static void
transition_undo_free (TransitionUndo *undo)
{
  g_clear_object (&undo->widget);
  g_clear_object (&undo->store);
  g_clear_pointer (&undo->point, herald_store_undo_point_free);
  g_clear_object (&undo->before);
  g_free (undo);
}

/* Undo restores the campaign and its outbox as they were, so the CRM never
 * hears of the change; once sync has tried to push the command, the way
 * back is a new command the other way (and the toast says so). */
static void
undo_transition_cb (AdwToast       *toast,
                    TransitionUndo *undo)
{
  HeraldCampaignStatus status = herald_campaign_get_status (undo->before);
  g_autoptr(HeraldCampaign) current = NULL;
  g_autoptr(GError) error = NULL;

  if (herald_store_undo_point_restore (undo->store, undo->point, &error))
    return;
  if (!g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CHANGED))
    {
      show_error (HERALD_CAMPAIGN_DETAIL (undo->widget), _("Could Not Undo"), error);
      return;
    }
  g_clear_error (&error);

  current = herald_store_get_campaign (undo->store, herald_record_get_id (HERALD_RECORD (undo->before)), &error);
  if (current != NULL)
    {
      herald_campaign_set_scheduled_at (current, herald_campaign_get_scheduled_at (undo->before));
      if (herald_store_transition_campaign (undo->store, current, status, &error))
        {
          g_autofree char *title = NULL;

          /* Translators: %s is a status such as “Running” */
          title = g_strdup_printf (_("The change had already been sent: a new command makes the campaign “%s” again"),
                                   herald_campaign_status_get_display_name (status));
          herald_campaign_ops_show_toast (undo->widget, adw_toast_new (title));
          return;
        }
    }
  show_error (HERALD_CAMPAIGN_DETAIL (undo->widget), _("Could Not Undo"), error);
}

static gboolean
do_transition (HeraldCampaignDetail *self,
               HeraldCampaignStatus  to,
               GDateTime            *scheduled_at)
{
  g_autoptr(HeraldCampaign) before = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (self->campaign)));
  g_autoptr(HeraldCampaign) working = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (self->campaign)));
  g_autoptr(HeraldStoreUndoPoint) point = NULL;
  HeraldCampaignStatus from = herald_campaign_get_status (before);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* taken before the change, so that undo can put everything back */
  point = herald_store_undo_point_new (self->store, HERALD_RECORD (before), NULL);
  if (scheduled_at != NULL)
    herald_campaign_set_scheduled_at (working, scheduled_at);
  if (!herald_store_transition_campaign (self->store, working, to, &error))
    {
      show_error (self, _("Could Not Change the Status"), error);
      return FALSE;
    }

  /* Translators: %s is the new status of a campaign */
  title = g_strdup_printf (_("Campaign is now “%s”"), herald_campaign_status_get_display_name (to));
  toast = adw_toast_new (title);
  /* Undo where the table has a way back (pause ↔ resume, schedule ↔
   * unschedule), for when the command has already been sent; there is
   * none from running to scheduled. */
  if (point != NULL
      && herald_campaign_status_can_transition (to, from)
      && !(from == HERALD_CAMPAIGN_STATUS_SCHEDULED && to == HERALD_CAMPAIGN_STATUS_RUNNING)
      && !(from == HERALD_CAMPAIGN_STATUS_SCHEDULED
           && (herald_campaign_get_scheduled_at (before) == NULL)))
    {
      TransitionUndo *undo = g_new0 (TransitionUndo, 1);

      undo->widget = g_object_ref (GTK_WIDGET (self));
      undo->store = g_object_ref (self->store);
      undo->point = g_steal_pointer (&point);
      undo->before = g_steal_pointer (&before);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_transition_cb), undo,
                             (GClosureNotify) (void (*) (void)) transition_undo_free, 0);
    }
  herald_campaign_ops_show_toast (GTK_WIDGET (self), toast);
  return TRUE;
}

static void
transition_confirmed_cb (gboolean confirmed,
                         gpointer user_data)
{
  TransitionData *data = user_data;

  if (confirmed && data->self->campaign != NULL)
    do_transition (data->self, data->to, NULL);
  g_object_unref (data->self);
  g_free (data);
}

static void
confirm_transition (HeraldCampaignDetail *self,
                    HeraldCampaignStatus  to,
                    const char           *heading,
                    const char           *body,
                    const char           *label,
                    gboolean              destructive)
{
  TransitionData *data = g_new0 (TransitionData, 1);

  data->self = g_object_ref (self);
  data->to = to;
  herald_dialogs_confirm (parent_window (self), heading, body, label, destructive,
                          transition_confirmed_cb, data);
}

static void
transition_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);

  if (self->campaign == NULL)
    return;

  if (g_str_equal (action_name, "campaign.start"))
    confirm_transition (self, HERALD_CAMPAIGN_STATUS_RUNNING,
                        _("Start the Campaign?"),
                        _("Sending begins now, to everyone in the audience."),
                        _("_Start"), FALSE);
  else if (g_str_equal (action_name, "campaign.cancel"))
    confirm_transition (self, HERALD_CAMPAIGN_STATUS_CANCELLED,
                        _("Cancel the Campaign?"),
                        _("Nothing more is sent. A cancelled campaign cannot be started again."),
                        _("C_ancel Campaign"), TRUE);
  else
    for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
      if (g_str_equal (action_name, transitions[i].action))
        do_transition (self, transitions[i].to, NULL);
}

static GDateTime *
parse_local_datetime (const char *text)
{
  int y, mo, d, h, mi;
  char extra;
  g_autoptr(GDateTime) local = NULL;

  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &extra) != 5)
    return NULL;
  local = g_date_time_new_local (y, mo, d, h, mi, 0);
  return local ? g_date_time_to_utc (local) : NULL;
}

static void
schedule_answered_cb (const char *text,
                      gpointer    user_data)
{
  HeraldCampaignDetail *self = user_data;
  g_autoptr(GDateTime) when = NULL;

  if (text != NULL && self->campaign != NULL)
    {
      when = parse_local_datetime (text);
      if (when == NULL)
        herald_dialogs_show_error (parent_window (self), _("Could Not Schedule the Campaign"),
                                   _("Enter the date and time as YYYY-MM-DD HH:MM, such as 2026-12-01 09:30."));
      else
        do_transition (self, HERALD_CAMPAIGN_STATUS_SCHEDULED, when);
    }
  g_object_unref (self);
}

static void
schedule_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *initial = NULL;
  GDateTime *current = herald_campaign_get_scheduled_at (self->campaign);

  if (current != NULL && g_date_time_compare (current, now) > 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (current);
      initial = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }
  else
    initial = g_strdup_printf ("%04d-%02d-%02d 09:00", g_date_time_get_year (tomorrow),
                               g_date_time_get_month (tomorrow), g_date_time_get_day_of_month (tomorrow));
  herald_dialogs_ask_text (parent_window (self), _("Schedule the Campaign"),
                           _("When should sending begin? Enter the local date and time (YYYY-MM-DD HH:MM)."),
                           initial, _("_Schedule"), schedule_answered_cb, g_object_ref (self));
}

static void
send_test_answered_cb (const char *text,
                       gpointer    user_data)
{
  HeraldCampaignDetail *self = user_data;
  g_autofree char *address = text ? g_strstrip (g_strdup (text)) : NULL;

  if (address != NULL && self->campaign != NULL)
    {
      gboolean sms = herald_campaign_get_campaign_type (self->campaign) != HERALD_CAMPAIGN_TYPE_EMAIL;
      gboolean valid = sms ? herald_is_valid_phone (address) || herald_is_valid_email (address)
                           : herald_is_valid_email (address);
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;

      if (!valid)
        herald_dialogs_show_error (parent_window (self), _("Could Not Send a Test"),
                                   sms ? _("Enter an e-mail address or a phone number in international format, such as +4930123456.")
                                       : _("Enter an e-mail address, such as name@example.com."));
      else
        {
          g_autoptr(JsonObject) arguments = json_object_new ();
          g_autoptr(JsonArray) to = json_array_new ();

          /* The test is a command for the CRM, queued in the outbox like
           * the lifecycle commands; the address is remembered for next time. */
          json_array_add_string_element (to, address);
          json_object_set_array_member (arguments, "to", g_steal_pointer (&to));
          key = g_strdup_printf ("test-send:%s", herald_record_get_id (HERALD_RECORD (self->campaign)));
          if (!herald_store_queue_command (self->store, HERALD_RECORD (self->campaign), "test",
                                           arguments, &error)
              || !herald_store_set_meta (self->store, key, address, &error))
            show_error (self, _("Could Not Send a Test"), error);
          else
            {
              g_autofree char *title = NULL;

              /* Translators: %s is an e-mail address or phone number */
              title = g_strdup_printf (_("Test for %s queued for the CRM"), address);
              herald_campaign_ops_show_toast (GTK_WIDGET (self), adw_toast_new (title));
            }
        }
    }
  g_object_unref (self);
}

static void
send_test_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  g_autofree char *initial = NULL;

  if (self->campaign == NULL)
    return;
  initial = g_strdup (herald_campaign_get_from_address (self->campaign));
  herald_dialogs_ask_text (parent_window (self), _("Send a Test"),
                           _("Where should the test go?"),
                           initial, _("_Send Test"), send_test_answered_cb, g_object_ref (self));
}

static void
duplicate_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  g_autoptr(HeraldCampaign) copy = NULL;

  if (self->campaign == NULL)
    return;
  copy = herald_campaign_ops_duplicate (widget, self->store, self->campaign);
  if (copy != NULL)
    herald_campaign_detail_set_campaign (self, copy);
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);

  if (self->campaign != NULL)
    herald_campaign_ops_delete (widget, self->store, self->campaign);
}

static void
edit_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  for (guint i = 0; i < N_FIELDS; i++)
    if (gtk_widget_get_sensitive (self->field_rows[i]))
      {
        gtk_widget_grab_focus (self->field_rows[i]);
        break;
      }
}

/* Editing ------------------------------------------------------------- */

static gboolean
apply_field (HeraldCampaign *campaign,
             guint           i,
             const char     *text,
             char          **message)
{
  if (fields[i].kind == FIELD_MONEY)
    {
      gint64 value;

      if (!herald_parse_money (text, herald_campaign_get_currency (campaign), &value))
        {
          g_autofree char *example = herald_format_money (125000, herald_campaign_get_currency (campaign));

          /* Translators: %s is an example amount */
          *message = g_strdup_printf (_("Enter an amount, such as %s."), example);
          return FALSE;
        }
      g_object_set (campaign, fields[i].property, value, NULL);
    }
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      /* Optional text fields are unset rather than empty. */
      g_object_set (campaign, fields[i].property,
                    *stripped == '\0' && !g_str_equal (fields[i].property, "name") ? NULL : stripped,
                    NULL);
    }
  return TRUE;
}

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);
  g_autoptr(HeraldCampaign) after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE, changed = FALSE;

  if (self->campaign == NULL)
    return;
  after = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (self->campaign)));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->field_rows[i]));
      g_autofree char *current = field_text (self->campaign, i);
      g_autoptr(HeraldCampaign) probe = NULL;
      g_autoptr(GError) field_error = NULL;
      g_autofree char *message = NULL;

      set_field_error (self, i, NULL);
      if (g_str_equal (text, current))
        continue;

      /* Each field is validated on its own, so its message sits under it. */
      probe = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (self->campaign)));
      if (!apply_field (probe, i, text, &message))
        ;
      else if (!herald_record_validate (HERALD_RECORD (probe), NULL, &field_error))
        message = g_strdup (field_error->message);
      else if (!herald_campaign_check_edit (self->campaign, probe, &field_error))
        message = g_strdup (field_error->message);

      if (message != NULL)
        {
          set_field_error (self, i, message);
          if (ok)
            gtk_widget_grab_focus (self->field_rows[i]);
          ok = FALSE;
          continue;
        }
      apply_field (after, i, text, &message);
      changed = TRUE;
    }

  if (!ok || !changed)
    return;
  if (!herald_store_save (self->store, HERALD_RECORD (after), &error))
    {
      show_error (self, _("Could Not Save the Changes"), error);
      return;
    }
  herald_campaign_ops_show_toast (widget, adw_toast_new (_("Changes saved")));
}

static void
build_fields (HeraldCampaignDetail *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *error = gtk_label_new (NULL);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_box_append (GTK_BOX (box), list);

      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_widget_set_margin_start (error, 12);
      gtk_widget_add_css_class (error, "error");
      gtk_widget_add_css_class (error, "caption");
      gtk_widget_set_visible (error, FALSE);
      gtk_box_append (GTK_BOX (box), error);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error, NULL,
                                      -1);

      gtk_box_append (self->fields_box, box);
      self->field_rows[i] = row;
      self->field_errors[i] = GTK_LABEL (error);
    }
}

/* GObject ------------------------------------------------------------- */

static void
herald_campaign_detail_dispose (GObject *object)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (object);

  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (herald_campaign_detail_parent_class)->dispose (object);
}

static void
herald_campaign_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_detail_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_campaign_detail_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      herald_campaign_detail_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Coming into the page starts at its top, on the way back out. */
static gboolean
herald_campaign_detail_grab_focus (GtkWidget *widget)
{
  HeraldCampaignDetail *self = HERALD_CAMPAIGN_DETAIL (widget);

  return gtk_widget_grab_focus (self->back_button);
}

static void
herald_campaign_detail_class_init (HeraldCampaignDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_campaign_detail_dispose;
  object_class->get_property = herald_campaign_detail_get_property;
  object_class->set_property = herald_campaign_detail_set_property;
  widget_class->grab_focus = herald_campaign_detail_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, HERALD_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HeraldCampaignDetail::back:
   *
   * The page is done: its campaign was deleted.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HERALD_TYPE_STATUS_BADGE);
  g_type_ensure (HERALD_TYPE_RECIPIENTS_PAGE);
  g_type_ensure (HERALD_TYPE_ACTIVITY_PAGE);
  g_type_ensure (HERALD_TYPE_CAMPAIGN_PERFORMANCE);
  g_type_ensure (HERALD_TYPE_AB_RESULTS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-campaign-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, type_icon);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, type_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, wizard_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, unschedule_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, start_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, pause_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, resume_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, send_test_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, metrics_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, started_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, completed_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, segment_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, template_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, fields_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, recipients_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, activity_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, variants_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, variants_list);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, performance);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignDetail, ab_results);

  gtk_widget_class_install_action (widget_class, "campaign.edit", NULL, edit_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.schedule", NULL, schedule_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.unschedule", NULL, transition_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.start", NULL, transition_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.pause", NULL, transition_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.resume", NULL, transition_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.cancel", NULL, transition_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.duplicate", NULL, duplicate_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.send-test", NULL, send_test_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaign.delete", NULL, delete_activated_cb);
}

static void
herald_campaign_detail_init (HeraldCampaignDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The A/B section only where the campaign is an A/B test. */
  g_object_bind_property (self->ab_results, "has-variants", self->ab_results, "visible",
                          G_BINDING_SYNC_CREATE);
  build_fields (self);
  herald_campaign_ops_name_buttons (GTK_WIDGET (self));
}

/**
 * herald_campaign_detail_get_store:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the store.
 */
HeraldStore *
herald_campaign_detail_get_store (HeraldCampaignDetail *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), NULL);

  return self->store;
}

/**
 * herald_campaign_detail_set_store:
 * @self: the page
 * @store: (nullable): the store
 *
 * Sets the store the page reads from and writes to.
 */
void
herald_campaign_detail_set_store (HeraldCampaignDetail *self,
                                  HeraldStore          *store)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb),
                             self, G_CONNECT_SWAPPED);
  herald_recipients_page_set_store (self->recipients_page, store);
  herald_activity_page_set_store (self->activity_page, store);
  herald_campaign_performance_set_store (self->performance, store);
  herald_ab_results_set_store (self->ab_results, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * herald_campaign_detail_get_campaign:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the campaign shown, as stored.
 */
HeraldCampaign *
herald_campaign_detail_get_campaign (HeraldCampaignDetail *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), NULL);

  return self->campaign;
}

/**
 * herald_campaign_detail_set_campaign:
 * @self: the page
 * @campaign: (nullable): a stored campaign
 *
 * Shows @campaign (a copy of it), starting on the Overview.
 */
void
herald_campaign_detail_set_campaign (HeraldCampaignDetail *self,
                                     HeraldCampaign       *campaign)
{
  const char *id;

  g_return_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self));
  g_return_if_fail (campaign == NULL || HERALD_IS_CAMPAIGN (campaign));

  g_clear_object (&self->campaign);
  if (campaign != NULL)
    self->campaign = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (campaign)));
  id = campaign ? herald_record_get_id (HERALD_RECORD (campaign)) : NULL;
  herald_recipients_page_set_campaign_id (self->recipients_page, id);
  herald_activity_page_set_campaign_id (self->activity_page, id);
  herald_campaign_performance_set_campaign (self->performance, self->campaign);
  herald_ab_results_set_campaign (self->ab_results, self->campaign);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  update_all (self);
  /* A new campaign starts at the top, whatever had focus on the last one. */
  gtk_widget_set_focus_child (gtk_scrolled_window_get_child (self->overview_scroller), NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->overview_scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * herald_campaign_detail_set_compact:
 * @self: the page
 * @compact: whether lists use the compact density
 *
 * Applies the "list-density" preference to the page's lists.
 */
void
herald_campaign_detail_set_compact (HeraldCampaignDetail *self,
                                    gboolean              compact)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self));

  herald_recipients_page_set_compact (self->recipients_page, compact);
}

/**
 * herald_campaign_detail_show_page:
 * @self: the page
 * @name: "overview", "recipients", "activity" or "variants"
 *
 * Switches to a section.
 */
void
herald_campaign_detail_show_page (HeraldCampaignDetail *self,
                                  const char           *name)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static int
field_index (const char *property)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].property, property))
      return i;
  return -1;
}

/**
 * herald_campaign_detail_get_field:
 * @self: the page
 * @property: a campaign property shown for editing ("name", "budget", ...)
 *
 * Returns: (transfer none) (nullable): its AdwEntryRow, for tests.
 */
GtkWidget *
herald_campaign_detail_get_field (HeraldCampaignDetail *self,
                                  const char           *property)
{
  int i = field_index (property);

  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), NULL);

  return i >= 0 ? self->field_rows[i] : NULL;
}

/**
 * herald_campaign_detail_get_field_error:
 * @self: the page
 * @property: a campaign property shown for editing
 *
 * Returns: (transfer none) (nullable): the label under its field.
 */
GtkLabel *
herald_campaign_detail_get_field_error (HeraldCampaignDetail *self,
                                        const char           *property)
{
  int i = field_index (property);

  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), NULL);

  return i >= 0 ? self->field_errors[i] : NULL;
}

/**
 * herald_campaign_detail_get_variants_list:
 * @self: the page
 *
 * Returns: (transfer none): the Variants section's list (one row per A/B
 *   variant), for tests.
 */
GtkListBox *
herald_campaign_detail_get_variants_list (HeraldCampaignDetail *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_DETAIL (self), NULL);

  return self->variants_list;
}
