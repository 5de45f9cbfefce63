/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wizard.c: the campaign builder, driven step by step through its
 * actions on the demo data. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald-application.h"
#include "herald-dialogs.h"
#include "herald-test-gui.h"
#include "herald-window.h"
#include "herald-wizard-window.h"

static HeraldApplication *app;

/* A network monitor whose state the test sets. */
#define TEST_TYPE_NETWORK_MONITOR (test_network_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestNetworkMonitor, test_network_monitor, TEST, NETWORK_MONITOR, GObject)

struct _TestNetworkMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  MONITOR_PROP_0,
  MONITOR_PROP_AVAILABLE,
  MONITOR_PROP_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static void test_network_monitor_initable_init (GInitableIface *iface);
static void test_network_monitor_iface_init (GNetworkMonitorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestNetworkMonitor, test_network_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_network_monitor_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_network_monitor_iface_init))

static gboolean
test_network_monitor_initable_init_cb (GInitable     *initable,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  return TRUE;
}

static void
test_network_monitor_initable_init (GInitableIface *iface)
{
  iface->init = test_network_monitor_initable_init_cb;
}

static void
test_network_monitor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TestNetworkMonitor *self = TEST_NETWORK_MONITOR (object);

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MONITOR_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_network_monitor_class_init (TestNetworkMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_network_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static void
test_network_monitor_init (TestNetworkMonitor *self)
{
}

static void
test_network_monitor_set_available (TestNetworkMonitor *self,
                                    gboolean            available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

static HeraldWindow *
open_main_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (HERALD_IS_WINDOW (window));
  herald_test_wait_for_mapped (GTK_WIDGET (window));
  return HERALD_WINDOW (window);
}

static HeraldStore *
store (void)
{
  return herald_application_get_store (app);
}

static HeraldWizardWindow *
find_wizard (void)
{
  GtkWindow *window = herald_test_find_toplevel (HERALD_TYPE_WIZARD_WINDOW);

  return window != NULL ? HERALD_WIZARD_WINDOW (window) : NULL;
}

static gboolean
no_wizard_cb (gpointer user_data)
{
  return find_wizard () == NULL;
}

/* The wizard closes from an idle callback, after the dialog that asked. */
static void
assert_wizard_closes (void)
{
  g_assert_true (herald_test_wait_until (no_wizard_cb, NULL, 5000));
}

static HeraldWizardWindow *
open_wizard (const char *campaign_id)
{
  HeraldWindow *main_window = open_main_window ();
  HeraldWizardWindow *wizard;

  g_assert_null (find_wizard ());
  if (campaign_id == NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.new-campaign", NULL));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.edit-campaign", "s", campaign_id));
  herald_test_spin (50);
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  herald_test_wait_for_mapped (GTK_WIDGET (wizard));
  return wizard;
}

static void
close_wizard (HeraldWizardWindow *wizard)
{
  gtk_window_destroy (GTK_WINDOW (wizard));
  herald_test_spin (50);
  assert_wizard_closes ();
}

static GtkWidget *
field (HeraldWizardWindow *wizard,
       const char         *name)
{
  GtkWidget *widget = herald_wizard_window_get_field (wizard, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (HeraldWizardWindow *wizard,
          const char         *name,
          const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (wizard, name)), text);
}

static void
act (HeraldWizardWindow *wizard,
     const char         *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), action, NULL));
  herald_test_spin (20);
}

static void
go_to (HeraldWizardWindow *wizard,
       HeraldWizardStep    step)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.go-to-step", "i", (int) step));
  herald_test_spin (20);
}

static void
select_row (HeraldWizardWindow *wizard,
            const char         *list_name,
            int                 index)
{
  GtkListBox *list = GTK_LIST_BOX (field (wizard, list_name));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  gtk_list_box_select_row (list, row);
}

static void
select_row_titled (HeraldWizardWindow *wizard,
                   const char         *list_name,
                   const char         *title)
{
  GtkListBox *list = GTK_LIST_BOX (field (wizard, list_name));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        gtk_list_box_select_row (list, row);
        return;
      }
  g_error ("no row “%s” in %s", title, list_name);
}

static void
fill_basics (HeraldWizardWindow *wizard,
             const char         *name)
{
  set_text (wizard, "name", name);
  set_text (wizard, "from-name", "Herald Shop");
  set_text (wizard, "from-address", "news@example.org");
}

static void
choose_zone (HeraldWizardWindow *wizard,
             const char         *zone)
{
  AdwComboRow *row = ADW_COMBO_ROW (field (wizard, "zone"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), zone) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no time zone %s", zone);
}

static void
schedule_at (HeraldWizardWindow *wizard,
             const char         *zone,
             int                 year,
             int                 month,
             int                 day,
             int                 hour,
             int                 minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) date = g_date_time_new (tz, year, month, day, 12, 0, 0);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (wizard, "mode-schedule")), TRUE);
  choose_zone (wizard, zone);
  gtk_calendar_select_day (GTK_CALENDAR (field (wizard, "schedule")), date);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "hour")), hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "minute")), minute);
  herald_test_spin (20);
}

static int
next_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_get_year (now) + 1;
}

static HeraldTemplate *
save_template (const char *name,
               const char *subject,
               const char *preheader,
               const char *html,
               const char *text)
{
  HeraldTemplate *template_ = herald_template_new ();
  g_autoptr(GError) error = NULL;

  herald_template_set_name (template_, name);
  herald_template_set_template_type (template_, HERALD_TEMPLATE_TYPE_EMAIL);
  herald_template_set_subject (template_, subject);
  herald_template_set_preheader (template_, preheader);
  herald_template_set_body_html (template_, html);
  herald_template_set_body_text (template_, text);
  herald_template_set_is_active (template_, TRUE);
  herald_store_save (store (), HERALD_RECORD (template_), &error);
  g_assert_no_error (error);
  return template_;
}

static void
test_wizard_validation (void)
{
  g_autoptr(HeraldTemplate) no_subject = save_template ("Without Subject", "", "", "<p>Hi</p>", "Hi");
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autofree char *refusal = NULL;
  g_autofree char *name_200 = g_strnfill (200, 'x');
  g_autofree char *long_name = g_strconcat ("ä", name_200, NULL);
  const char *reason;

  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_BASICS);
  g_assert_nonnull (herald_wizard_window_get_reason (wizard));

  /* Name: the rule triggers once touched and clears as soon as it is fine. */
  set_text (wizard, "name", "x");
  set_text (wizard, "name", "");
  g_assert_cmpstr (herald_wizard_window_get_field_error (wizard, "name"), ==, _("Give the campaign a name."));
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, _("Give the campaign a name."));
  set_text (wizard, "name", "Spring Sale");
  g_assert_null (herald_wizard_window_get_field_error (wizard, "name"));
  /* At most 200 characters (not bytes: "ä" is two). */
  set_text (wizard, "name", long_name);
  g_assert_cmpstr (herald_wizard_window_get_field_error (wizard, "name"), ==, _("The name can have at most 200 characters."));
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, _("The name can have at most 200 characters."));
  set_text (wizard, "name", long_name + strlen ("ä"));
  g_assert_null (herald_wizard_window_get_field_error (wizard, "name"));
  set_text (wizard, "name", "Spring Sale");

  /* Budget. */
  set_text (wizard, "budget", "lots");
  g_assert_nonnull (herald_wizard_window_get_field_error (wizard, "budget"));
  set_text (wizard, "budget", "1500");
  g_assert_null (herald_wizard_window_get_field_error (wizard, "budget"));

  /* Sender (e-mail is the default type). */
  set_text (wizard, "from-name", "Herald Shop");
  set_text (wizard, "from-name", "  ");
  g_assert_cmpstr (herald_wizard_window_get_field_error (wizard, "from-name"), ==, _("Enter the sender name recipients see."));
  set_text (wizard, "from-name", "Herald Shop");
  g_assert_null (herald_wizard_window_get_field_error (wizard, "from-name"));
  set_text (wizard, "from-address", "not an address");
  g_assert_nonnull (herald_wizard_window_get_field_error (wizard, "from-address"));
  set_text (wizard, "from-address", "news@example.org");
  g_assert_null (herald_wizard_window_get_field_error (wizard, "from-address"));
  set_text (wizard, "reply-to", "nope");
  g_assert_nonnull (herald_wizard_window_get_field_error (wizard, "reply-to"));
  g_assert_nonnull (herald_wizard_window_get_reason (wizard));
  set_text (wizard, "reply-to", "");
  g_assert_null (herald_wizard_window_get_reason (wizard));

  /* SMS needs no sender: the rule goes away with the type. */
  set_text (wizard, "from-address", "");
  g_assert_nonnull (herald_wizard_window_get_reason (wizard));
  gtk_flow_box_select_child (GTK_FLOW_BOX (field (wizard, "type")),
                             gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (field (wizard, "type")), HERALD_CAMPAIGN_TYPE_SMS));
  g_assert_null (herald_wizard_window_get_reason (wizard));
  gtk_flow_box_select_child (GTK_FLOW_BOX (field (wizard, "type")),
                             gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (field (wizard, "type")), HERALD_CAMPAIGN_TYPE_EMAIL));
  set_text (wizard, "from-address", "news@example.org");

  /* Audience: Next waits for a segment. */
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, _("Choose the segment that receives the campaign."));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  herald_test_spin (20);
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);
  select_row (wizard, "segment", 0);
  g_assert_null (herald_wizard_window_get_reason (wizard));

  /* Content: a template, and subjects for every A/B variant. */
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_CONTENT);
  g_assert_nonnull (herald_wizard_window_get_reason (wizard));
  /* A template without a subject needs one, or A/B subjects. */
  select_row_titled (wizard, "template", "Without Subject");
  g_assert_cmpstr (herald_wizard_window_get_field_error (wizard, "subject"), ==,
                   _("The template has no subject: add one in the template or test subjects in an A/B test."));
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==,
                   _("The template has no subject: add one in the template or test subjects in an A/B test."));
  select_row_titled (wizard, "template", "Ready to Send");
  g_assert_null (herald_wizard_window_get_field_error (wizard, "subject"));
  g_assert_null (herald_wizard_window_get_reason (wizard));
  select_row_titled (wizard, "template", "Without Subject");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (wizard, "ab")), TRUE);
  g_assert_null (herald_wizard_window_get_field_error (wizard, "subject"));
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, _("Give each variant a subject."));
  set_text (wizard, "variant-subject-0", "Spring is here");
  set_text (wizard, "variant-subject-1", "20 % off until Sunday");
  g_assert_null (herald_wizard_window_get_reason (wizard));

  /* Schedule: "send now" is refused offline; a past time is refused. */
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_SCHEDULE);
  g_assert_null (herald_wizard_window_get_reason (wizard));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (wizard, "mode-now")), TRUE);
  reason = herald_wizard_window_get_reason (wizard);
  g_assert_nonnull (reason);
  refusal = herald_wizard_send_now_problem (g_network_monitor_get_network_available (g_network_monitor_get_default ()), FALSE);
  g_assert_cmpstr (reason, ==, refusal);
  act (wizard, "wizard.schedule-instead");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (wizard, "mode-schedule"))));
  schedule_at (wizard, "Europe/Berlin", 2020, 1, 1, 9, 0);
  g_assert_cmpstr (herald_wizard_window_get_field_error (wizard, "schedule"), ==,
                   _("The scheduled time is in the past: choose a later one."));
  /* 28 March 2027, 02:30 does not exist in Berlin: the clocks go from
   * 02:00 to 03:00. */
  schedule_at (wizard, "Europe/Berlin", 2027, 3, 28, 2, 30);
  g_assert_cmpstr (herald_wizard_window_get_field_error (wizard, "schedule"), ==,
                   _("This date and time do not exist in the chosen time zone."));
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, _("This date and time do not exist in the chosen time zone."));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field (wizard, "utc"))), ==, "");
  schedule_at (wizard, "Europe/Berlin", next_year (), 12, 1, 9, 0);
  g_assert_null (herald_wizard_window_get_field_error (wizard, "schedule"));
  /* The resulting UTC time, in the locale's date format. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_utc (next_year (), 12, 1, 8, 0, 0);
    g_autofree char *when = g_date_time_format (utc, "%x %H:%M");
    g_autofree char *expected = g_strdup_printf (_("That is %s UTC."), when);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field (wizard, "utc"))), ==, expected);
    g_assert_nonnull (strstr (expected, "08:00"));
  }
  set_text (wizard, "cost", "abc");
  g_assert_nonnull (herald_wizard_window_get_field_error (wizard, "cost"));
  set_text (wizard, "cost", "0.05");
  g_assert_null (herald_wizard_window_get_reason (wizard));

  /* Back keeps what was entered. */
  act (wizard, "wizard.back");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_CONTENT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "variant-subject-1"))), ==, "20 % off until Sunday");

  close_wizard (wizard);
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (no_subject), NULL));
}

/* Creates a campaign through all steps and schedules it; returns its id. */
static char *
create_scheduled (const char *name,
                  const char *zone,
                  int         year,
                  int         month,
                  int         day,
                  int         hour,
                  gboolean    ab_test)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autofree char *id = g_strdup (herald_record_get_id (HERALD_RECORD (herald_wizard_window_get_campaign (wizard))));

  fill_basics (wizard, name);
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  select_row_titled (wizard, "template", "Ready to Send");
  if (ab_test)
    {
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (wizard, "ab")), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "variants")), 3);
      set_text (wizard, "variant-subject-0", "Subject one");
      set_text (wizard, "variant-subject-1", "Subject two");
      set_text (wizard, "variant-subject-2", "Subject three");
      adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "variant-template-1")), 2);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "test-percent")), 20);
      adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "metric")), HERALD_WINNER_METRIC_CLICK_RATE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "wait")), 12);
      adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "confidence")), 2);
      adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "no-winner")), 1);
    }
  act (wizard, "wizard.next");
  schedule_at (wizard, zone, year, month, day, hour, 0);
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_REVIEW);
  for (guint i = 0; i < herald_wizard_window_get_checks (wizard)->len; i++)
    g_test_message ("check: %s", ((HeraldWizardCheck *) g_ptr_array_index (herald_wizard_window_get_checks (wizard), i))->message);
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, NULL);
  act (wizard, "wizard.next");
  herald_test_spin (50);
  assert_wizard_closes ();
  return g_steal_pointer (&id);
}

static void
assert_scheduled_utc (const char *id,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) campaign = herald_store_get_campaign (store (), id, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (herald_campaign_get_status (campaign), ==, HERALD_CAMPAIGN_STATUS_SCHEDULED);
  text = g_date_time_format (herald_campaign_get_scheduled_at (campaign), "%Y-%m-%dT%H:%MZ");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_wizard_schedule_time_zones (void)
{
  int year = next_year ();
  g_autofree char *winter = create_scheduled ("Winter", "Europe/Berlin", year, 12, 1, 9, FALSE);
  g_autofree char *summer = create_scheduled ("Summer", "Europe/Berlin", year, 7, 1, 9, FALSE);
  g_autofree char *new_york = create_scheduled ("New York", "America/New_York", year, 12, 1, 9, FALSE);
  g_autofree char *expected_winter = g_strdup_printf ("%d-12-01T08:00Z", year);
  g_autofree char *expected_summer = g_strdup_printf ("%d-07-01T07:00Z", year);
  g_autofree char *expected_new_york = g_strdup_printf ("%d-12-01T14:00Z", year);

  assert_scheduled_utc (winter, expected_winter);
  assert_scheduled_utc (summer, expected_summer);
  assert_scheduled_utc (new_york, expected_new_york);
}

static void
test_wizard_ab_variants (void)
{
  g_autofree char *id = create_scheduled ("A/B", "UTC", next_year (), 3, 1, 10, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) campaign = herald_store_get_campaign (store (), id, &error);
  g_autoptr(GPtrArray) variants = herald_store_list_variants (store (), id, &error);
  g_autoptr(HeraldTemplate) template_ = NULL;
  gboolean seen[3] = { FALSE };

  g_assert_no_error (error);
  g_assert_cmpint (herald_campaign_get_ab_test_percent (campaign), ==, 20);
  g_assert_cmpint (herald_campaign_get_ab_winner_metric (campaign), ==, HERALD_WINNER_METRIC_CLICK_RATE);
  g_assert_cmpint (herald_campaign_get_ab_wait_hours (campaign), ==, 12);
  g_assert_cmpfloat_with_epsilon (herald_campaign_get_ab_confidence_level (campaign), 0.99, 1e-9);
  g_assert_true (herald_campaign_get_ab_auto_send_winner (campaign));
  g_assert_cmpuint (variants->len, ==, 3);
  template_ = herald_store_get_template (store (), herald_campaign_get_template_id (campaign), &error);
  for (guint i = 0; i < variants->len; i++)
    {
      HeraldVariant *v = g_ptr_array_index (variants, i);
      const char *name = herald_variant_get_variant_name (v);
      static const char *subjects[] = { "Subject one", "Subject two", "Subject three" };

      g_assert_cmpint (strlen (name), ==, 1);
      seen[name[0] - 'A'] = TRUE;
      g_assert_cmpstr (herald_variant_get_subject (v), ==, subjects[name[0] - 'A']);
      if (name[0] == 'B')
        {
          g_assert_nonnull (herald_variant_get_body_template (v));
          g_assert_cmpstr (herald_variant_get_body_template (v), !=, "");
        }
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
  g_assert_cmpint (herald_store_count_outbox (store (), NULL), >, 0);
}

static void
test_wizard_draft_survives (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autofree char *id = g_strdup (herald_record_get_id (HERALD_RECORD (herald_wizard_window_get_campaign (wizard))));
  g_autoptr(HeraldCampaign) stored = NULL;
  g_autoptr(GError) error = NULL;

  fill_basics (wizard, "Survivor");
  set_text (wizard, "description", "Written before a crash");
  set_text (wizard, "budget", "1500");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 1);
  act (wizard, "wizard.next");

  /* Destroyed without asking, as a crash or quit would. */
  close_wizard (wizard);
  stored = herald_store_get_campaign (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (herald_campaign_get_status (stored), ==, HERALD_CAMPAIGN_STATUS_DRAFT);
  g_assert_cmpstr (herald_campaign_get_name (stored), ==, "Survivor");
  g_assert_nonnull (herald_campaign_get_segment_id (stored));
  g_assert_cmpint (herald_campaign_get_budget (stored), ==, 1500 * 100);

  wizard = open_wizard (id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "name"))), ==, "Survivor");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "description"))), ==, "Written before a crash");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "from-address"))), ==, "news@example.org");
  go_to (wizard, HERALD_WIZARD_STEP_AUDIENCE);
  g_assert_null (herald_wizard_window_get_reason (wizard));
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (field (wizard, "segment"))));
  /* Saving again keeps the budget: it is shown in the locale's notation. */
  g_clear_object (&stored);
  stored = herald_store_get_campaign (store (), id, &error);
  g_assert_cmpint (herald_campaign_get_budget (stored), ==, 1500 * 100);
  close_wizard (wizard);
}

static void
test_wizard_edit_refuses_non_draft (void)
{
  HeraldWindow *main_window = open_main_window ();
  g_autofree char *id = create_scheduled ("Not a draft", "UTC", next_year (), 5, 1, 9, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.edit-campaign", "s", id));
  herald_test_spin (50);
  assert_wizard_closes ();
}

static void
test_wizard_escape_asks (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  GtkWindow *dialog;

  act (wizard, "wizard.close");
  herald_test_spin (50);
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  herald_dialogs_respond (dialog, FALSE);
  herald_test_spin (50);
  g_assert_nonnull (find_wizard ());

  gtk_window_close (GTK_WINDOW (wizard));
  herald_test_spin (50);
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  herald_dialogs_respond (dialog, TRUE);
  herald_test_spin (50);
  assert_wizard_closes ();
}

/* The demo templates have no unsubscribe link, which blocks scheduling. */
static void
save_good_template (void)
{
  g_autoptr(HeraldTemplate) template_ = herald_template_new ();
  g_autoptr(GError) error = NULL;

  herald_template_set_name (template_, "Ready to Send");
  herald_template_set_template_type (template_, HERALD_TEMPLATE_TYPE_EMAIL);
  herald_template_set_subject (template_, "News for {{ first_name }}");
  herald_template_set_preheader (template_, "This week for {{ first_name }}");
  herald_template_set_body_html (template_, "<p>Hello {{ name }}</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");
  herald_template_set_body_text (template_, "Hello {{ name }}\n\nUnsubscribe: {{ unsubscribe_url }}");
  herald_template_set_is_active (template_, TRUE);
  herald_store_save (store (), HERALD_RECORD (template_), &error);
  g_assert_no_error (error);
}

/* Finds the class shortcut @accel of @widget and activates it, as the key
 * press would; returns whether its action ran. */
static gboolean
press (GtkWidget  *widget,
       const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE, activated = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (item))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (item)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (item), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          /* GtkWindow binds Return to activate-default as well; look for ours. */
          if (g_strcmp0 (trigger, accel) != 0 || (strstr (action, "wizard.") == NULL && strstr (action, "win.") == NULL))
            continue;
          found = TRUE;
          activated = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (found);
  herald_test_spin (20);
  return activated;
}

static void
test_wizard_keyboard (void)
{
  HeraldWindow *main_window = open_main_window ();
  HeraldWizardWindow *wizard;
  GtkWindow *dialog;

  g_assert_true (press (GTK_WIDGET (main_window), "<Control>n"));
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  herald_test_wait_for_mapped (GTK_WIDGET (wizard));

  /* Not valid yet: the keys do nothing. */
  press (GTK_WIDGET (wizard), "<Alt>Right");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_BASICS);
  fill_basics (wizard, "Keys");
  g_assert_true (press (GTK_WIDGET (wizard), "<Alt>Right"));
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);
  g_assert_true (press (GTK_WIDGET (wizard), "<Alt>Left"));
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_BASICS);
  g_assert_true (press (GTK_WIDGET (wizard), "<Control>Page_Down"));
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);
  g_assert_true (press (GTK_WIDGET (wizard), "<Control>Page_Up"));
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_BASICS);
  g_assert_true (press (GTK_WIDGET (wizard), "Return"));
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);
  /* Enter does nothing while the step is not valid. */
  press (GTK_WIDGET (wizard), "Return");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);

  g_assert_true (press (GTK_WIDGET (wizard), "Escape"));
  herald_test_spin (50);
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  herald_dialogs_respond (dialog, TRUE);
  herald_test_spin (50);
  assert_wizard_closes ();
}

static HeraldTemplate *
save_bad_template (void)
{
  HeraldTemplate *template_ = herald_template_new ();
  g_autoptr(GError) error = NULL;

  herald_template_set_name (template_, "Crafted Problems");
  herald_template_set_template_type (template_, HERALD_TEMPLATE_TYPE_EMAIL);
  herald_template_set_subject (template_, "");
  herald_template_set_body_html (template_,
                                 "<p>Hi {{ nickname | default: \"friend\" }}, your code: {{ coupon_code }}</p>"
                                 "<a href=\"ftp://example.org/file\">File</a>"
                                 "<img src=\"https://example.org/a.png\">");
  herald_template_set_body_text (template_, "Hi");
  herald_template_set_is_active (template_, TRUE);
  herald_store_save (store (), HERALD_RECORD (template_), &error);
  g_assert_no_error (error);
  return template_;
}

static gboolean
checks_have (HeraldWizardWindow *wizard,
             const char         *code)
{
  GPtrArray *checks = herald_wizard_window_get_checks (wizard);

  g_assert_nonnull (checks);
  return herald_wizard_checks_count (checks, code) > 0;
}

static void
test_wizard_review_checklist (void)
{
  g_autoptr(HeraldTemplate) bad = save_bad_template ();
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  /* Nothing chosen: the review lists the missing segment and template. */
  fill_basics (wizard, "Checklist");
  go_to (wizard, HERALD_WIZARD_STEP_REVIEW);
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_REVIEW);
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_MISSING_SEGMENT));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_MISSING_TEMPLATE));

  /* The crafted campaign. */
  go_to (wizard, HERALD_WIZARD_STEP_BASICS);
  set_text (wizard, "budget", "1");
  go_to (wizard, HERALD_WIZARD_STEP_AUDIENCE);
  select_row (wizard, "segment", 0);
  go_to (wizard, HERALD_WIZARD_STEP_CONTENT);
  select_row_titled (wizard, "template", "Crafted Problems");
  g_assert_nonnull (herald_wizard_window_get_reason (wizard));
  go_to (wizard, HERALD_WIZARD_STEP_REVIEW);
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_REVIEW);
  act (wizard, "wizard.back");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_SCHEDULE);
  set_text (wizard, "cost", "0.10");
  schedule_at (wizard, "UTC", g_date_time_get_year (yesterday), g_date_time_get_month (yesterday),
               g_date_time_get_day_of_month (yesterday), 9, 0);
  go_to (wizard, HERALD_WIZARD_STEP_REVIEW);

  g_assert_false (checks_have (wizard, HERALD_WIZARD_CHECK_MISSING_SEGMENT));
  g_assert_false (checks_have (wizard, HERALD_WIZARD_CHECK_MISSING_TEMPLATE));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_MISSING_SUBJECT));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_FALLBACK));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_MISSING_UNSUBSCRIBE));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_LINK_NOT_HTTP));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_IMAGE_WITHOUT_ALT));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_SCHEDULE_PAST));
  g_assert_true (checks_have (wizard, HERALD_WIZARD_CHECK_BUDGET_EXCEEDED));
  /* Scheduling is blocked, with the reason next to the button. */
  g_assert_nonnull (herald_wizard_window_get_reason (wizard));
  close_wizard (wizard);
}

static void
test_wizard_sample_size_hint (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autoptr(GPtrArray) segments = herald_store_list_segments (store (), NULL);
  g_autofree char *expected = NULL;

  fill_basics (wizard, "Hint");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (wizard, "ab")), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "test-percent")), 10);
  herald_test_spin (20);
  expected = herald_wizard_sample_size_hint (herald_segment_get_contact_count (g_ptr_array_index (segments, 0)),
                                             10, 2, HERALD_WINNER_METRIC_OPEN_RATE,
                                             herald_wizard_baseline_rate (HERALD_WINNER_METRIC_OPEN_RATE), 0.95);
  g_assert_cmpstr (herald_wizard_window_get_hint (wizard), ==, expected);

  /* Three variants split the test group further: a larger difference. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "variants")), 3);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_hint (wizard), !=, expected);
  close_wizard (wizard);
}

static HeraldTemplate *
selected_template (HeraldWizardWindow *wizard)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (field (wizard, "template")));
  g_autoptr(GError) error = NULL;
  HeraldTemplate *template_;

  g_assert_nonnull (row);
  template_ = herald_store_get_template (store (), herald_campaign_get_template_id (herald_wizard_window_get_campaign (wizard)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, herald_template_get_name (template_));
  return template_;
}

/* The index in the preview's drop-down of the first reachable contact
 * whose attributes have (or lack) "customer_since". */
static guint
sample_index (gboolean with_customer_since)
{
  g_autoptr(GPtrArray) samples = NULL;

  herald_wizard_count_reachable (store (), HERALD_CAMPAIGN_TYPE_EMAIL, 50, &samples, NULL);
  for (guint i = 0; i < samples->len; i++)
    if ((strstr (herald_contact_get_attributes (g_ptr_array_index (samples, i)), "customer_since") != NULL)
        == with_customer_since)
      return i;
  g_assert_not_reached ();
}

static char *
first_name_of_sample (guint index)
{
  g_autoptr(GPtrArray) samples = NULL;
  const char *name;

  herald_wizard_count_reachable (store (), HERALD_CAMPAIGN_TYPE_EMAIL, 50, &samples, NULL);
  name = herald_contact_get_name (g_ptr_array_index (samples, index));
  return g_strndup (name, strcspn (name, " "));
}

/* The content step's preview is what sending renders: the chosen contact's
 * attributes, unknown variables as nothing, subject and preheader, and
 * with A/B the chosen variant's subject and body. */
static void
test_wizard_preview (void)
{
  g_autoptr(HeraldTemplate) attributes = save_template ("Attribute Preview", "Since {{ customer_since }}, {{ first_name }}",
                                                        "{{ nope }}Hi", "<p>{{ customer_since }}</p>", "Text {{ customer_since }}");
  g_autoptr(HeraldTemplate) no_subject = save_template ("No Subject Preview", "", "", "<p>Main body</p>", "Main");
  g_autoptr(HeraldTemplate) other = save_template ("Other Body Preview", "Other", "", "<p>Other body for {{ first_name }}</p>", "Other");
  HeraldWizardWindow *wizard = open_wizard (NULL);
  HeraldTemplatePreview *preview = HERALD_TEMPLATE_PREVIEW (field (wizard, "preview"));
  guint with = sample_index (TRUE), without = sample_index (FALSE);
  g_autofree char *first = first_name_of_sample (with);
  g_autofree char *expected = g_strdup_printf ("Since 2021, %s", first);
  g_autofree char *expected_b = NULL;
  GListModel *variant_templates;
  guint other_index = G_MAXUINT;

  fill_basics (wizard, "Preview");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  g_assert_null (herald_wizard_window_get_preview (wizard));
  select_row_titled (wizard, "template", "Attribute Preview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (field (wizard, "preview-stack"))), ==, "html");

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "sample-contact")), with);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->subject, ==, expected);
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->preheader, ==, "Hi");
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->html, ==, "<p>2021</p>");
  g_assert_cmpstr (herald_template_preview_get_inbox_subject (preview), ==, expected);
  g_assert_cmpstr (herald_template_preview_get_inbox_preheader (preview), ==, "Hi");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field (wizard, "preview-text"))), ==, "Text 2021");
  /* Another contact, another rendering. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "sample-contact")), without);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->html, ==, "<p></p>");
  /* The campaign's own preheader replaces the template's. */
  set_text (wizard, "preheader", "Own {{ first_name }}");
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->preheader, !=, "Hi");
  g_assert_true (g_str_has_prefix (herald_wizard_window_get_preview (wizard)->preheader, "Own "));
  set_text (wizard, "preheader", "");

  /* A/B without a template subject: the variants' subjects are shown. */
  select_row_titled (wizard, "template", "No Subject Preview");
  g_assert_false (gtk_widget_get_visible (field (wizard, "preview-variant")));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (wizard, "ab")), TRUE);
  set_text (wizard, "variant-subject-0", "Subject of A");
  set_text (wizard, "variant-subject-1", "Subject of B");
  g_assert_true (gtk_widget_get_visible (field (wizard, "preview-variant")));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (field (wizard, "preview-variant")))), ==, 2);
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->subject, ==, "Subject of A");
  g_assert_cmpstr (herald_template_preview_get_inbox_subject (preview), ==, "Subject of A");
  variant_templates = adw_combo_row_get_model (ADW_COMBO_ROW (field (wizard, "variant-template-1")));
  for (guint i = 0; i < g_list_model_get_n_items (variant_templates); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (variant_templates), i), "Other Body Preview") == 0)
      other_index = i;
  g_assert_cmpuint (other_index, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "variant-template-1")), other_index);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (wizard, "preview-variant")), 1);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->subject, ==, "Subject of B");
  g_free (first);
  first = first_name_of_sample (without);
  expected_b = g_strdup_printf ("<p>Other body for %s</p>", first);
  g_assert_cmpstr (herald_wizard_window_get_preview (wizard)->html, ==, expected_b);
  /* A third variant appears in the switcher. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (wizard, "variants")), 3);
  herald_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (field (wizard, "preview-variant")))), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (wizard, "preview-variant"))), ==, 1);

  close_wizard (wizard);
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (attributes), NULL));
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (no_subject), NULL));
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (other), NULL));
}

/* A label showing @text below @widget, such as a row's subtitle. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
segment_subtitle (HeraldWizardWindow *wizard,
                  int                 index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (field (wizard, "segment")), index);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Segments say "synced 2 hours ago" only after a sync; before, that their
 * count is the stored one. */
static void
test_wizard_segment_sync (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autoptr(GPtrArray) segments = herald_store_list_segments (store (), NULL);
  HeraldSegment *first = g_ptr_array_index (segments, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) two_hours_ago = g_date_time_add_hours (now, -2);
  g_autofree char *iso = g_date_time_format_iso8601 (two_hours_ago);
  g_autofree char *never = herald_wizard_segment_subtitle (first, NULL, NULL);
  g_autofree char *synced = herald_wizard_segment_subtitle (first, two_hours_ago, NULL);
  g_autofree char *ago = herald_format_relative (two_hours_ago, NULL);

  /* The demo's segments are stored as the CRM's, but no sync has run. */
  g_assert_cmpint (herald_record_get_sync_state (HERALD_RECORD (first)), ==, HERALD_SYNC_STATE_SYNCED);
  g_assert_null (herald_wizard_dup_last_sync (store ()));
  g_assert_cmpstr (never, !=, synced);
  g_assert_true (g_str_has_suffix (synced, ago));

  fill_basics (wizard, "Sync");
  act (wizard, "wizard.next");
  g_assert_cmpstr (segment_subtitle (wizard, 0), ==, never);
  select_row (wizard, "segment", 0);
  go_to (wizard, HERALD_WIZARD_STEP_REVIEW);
  /* The review says the same. */
  g_assert_nonnull (find_label (field (wizard, "review"), never));
  close_wizard (wizard);

  g_assert_true (herald_store_set_meta (store (), HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, iso, NULL));
  wizard = open_wizard (NULL);
  fill_basics (wizard, "Sync");
  act (wizard, "wizard.next");
  g_assert_cmpstr (segment_subtitle (wizard, 0), ==, synced);
  close_wizard (wizard);
  g_assert_true (herald_store_set_meta (store (), HERALD_PERFORMANCE_REPORT_SYNC_META_KEY, NULL, NULL));
}

/* "Send now" is refused with the reason: offline, or (online) no CRM
 * server; the message follows the network as it changes. */
static void
test_wizard_send_now (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autoptr(TestNetworkMonitor) monitor = g_object_new (TEST_TYPE_NETWORK_MONITOR, NULL);
  g_autofree char *offline = herald_wizard_send_now_problem (FALSE, FALSE);
  g_autofree char *online = herald_wizard_send_now_problem (TRUE, FALSE);

  herald_wizard_window_set_network_monitor (wizard, G_NETWORK_MONITOR (monitor));
  fill_basics (wizard, "Now");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  select_row_titled (wizard, "template", "Ready to Send");
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_SCHEDULE);
  g_assert_null (herald_wizard_window_get_reason (wizard));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (wizard, "mode-now")), TRUE);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, offline);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (field (wizard, "now-reason"))));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (field (wizard, "now-reason"))), offline));
  /* Next stays where it is. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  herald_test_spin (20);
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_SCHEDULE);

  /* Back online: still refused, now because no CRM server is configured. */
  test_network_monitor_set_available (monitor, TRUE);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, online);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (field (wizard, "now-reason"))), online));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  herald_test_spin (20);
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_SCHEDULE);

  /* The review refuses it too. */
  go_to (wizard, HERALD_WIZARD_STEP_REVIEW);
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, online);
  go_to (wizard, HERALD_WIZARD_STEP_SCHEDULE);
  test_network_monitor_set_available (monitor, FALSE);
  herald_test_spin (20);
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), ==, offline);
  act (wizard, "wizard.schedule-instead");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (wizard, "mode-schedule"))));
  g_assert_cmpstr (herald_wizard_window_get_reason (wizard), !=, offline);
  close_wizard (wizard);
}

static void
collect_step_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "wizard.go-to-step") == 0)
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_step_buttons (child, buttons);
}

/* Every "Edit" of the review and every checklist item's button goes back
 * to its step. */
static void
test_wizard_review_edit_links (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  gboolean edit_seen[HERALD_WIZARD_N_STEPS] = { FALSE };
  guint n;

  fill_basics (wizard, "Edit links");
  go_to (wizard, HERALD_WIZARD_STEP_REVIEW);
  collect_step_buttons (field (wizard, "review"), buttons);
  n = buttons->len;
  /* Basics, audience, content, schedule, and the missing segment and template. */
  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button;
      int target;

      g_ptr_array_set_size (buttons, 0);
      collect_step_buttons (field (wizard, "review"), buttons);
      g_assert_cmpuint (buttons->len, ==, n);
      button = g_ptr_array_index (buttons, i);
      target = g_variant_get_int32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
      g_assert_cmpint (target, <, HERALD_WIZARD_STEP_REVIEW);
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), _("_Edit")) == 0)
        edit_seen[target] = TRUE;
      g_signal_emit_by_name (button, "clicked");
      herald_test_spin (20);
      g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, target);
      go_to (wizard, HERALD_WIZARD_STEP_REVIEW);
      g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_REVIEW);
    }
  for (guint i = 0; i < HERALD_WIZARD_STEP_REVIEW; i++)
    g_assert_true (edit_seen[i]);
  close_wizard (wizard);
}

/* New campaigns start with the preferences' sender and currency. */
static void
test_wizard_defaults_from_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.herald.Herald");
  HeraldWizardWindow *wizard;
  AdwComboRow *currency;

  g_settings_set_string (settings, "default-sender-name", "Preferred Sender");
  g_settings_set_string (settings, "default-sender-address", "preferred@example.org");
  g_settings_set_string (settings, "default-reply-to", "replies@example.org");
  g_settings_set_string (settings, "default-currency", "CHF");
  wizard = open_wizard (NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "from-name"))), ==, "Preferred Sender");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "from-address"))), ==, "preferred@example.org");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "reply-to"))), ==, "replies@example.org");
  currency = ADW_COMBO_ROW (field (wizard, "currency"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (currency)),
                                               adw_combo_row_get_selected (currency)), ==, "CHF");
  /* Only the name is missing. */
  set_text (wizard, "name", "With defaults");
  g_assert_null (herald_wizard_window_get_reason (wizard));
  act (wizard, "wizard.save-draft");
  g_assert_cmpstr (herald_campaign_get_currency (herald_wizard_window_get_campaign (wizard)), ==, "CHF");
  g_assert_cmpstr (herald_campaign_get_from_name (herald_wizard_window_get_campaign (wizard)), ==, "Preferred Sender");
  close_wizard (wizard);

  /* A currency that is not ISO 4217 falls back to the locale's. */
  g_settings_set_string (settings, "default-currency", "XQQ");
  wizard = open_wizard (NULL);
  currency = ADW_COMBO_ROW (field (wizard, "currency"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (currency)),
                                               adw_combo_row_get_selected (currency)), ==, herald_default_currency ());
  close_wizard (wizard);

  g_settings_reset (settings, "default-sender-name");
  g_settings_reset (settings, "default-sender-address");
  g_settings_reset (settings, "default-reply-to");
  g_settings_reset (settings, "default-currency");
  wizard = open_wizard (NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "from-name"))), ==, "");
  close_wizard (wizard);
}

static GtkWidget *
find_check_row (GtkWidget  *widget,
                const char *code)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "herald-code"), code) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_row (child, code);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An SMS longer than one message: the review warns with parts and cost,
 * and the estimate counts every part. */
static void
test_wizard_review_sms_segments (void)
{
  g_autoptr(HeraldTemplate) sms = herald_template_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (200, 'a');
  g_autofree char *cost = herald_format_decimal (0.08, 2);
  g_autofree char *per = NULL;
  g_autofree char *expected = NULL;
  HeraldWizardWindow *wizard;
  GtkWidget *row;
  GPtrArray *checks;

  herald_template_set_name (sms, "Long SMS");
  herald_template_set_template_type (sms, HERALD_TEMPLATE_TYPE_SMS);
  herald_template_set_body_text (sms, text);
  herald_template_set_is_active (sms, TRUE);
  herald_store_save (store (), HERALD_RECORD (sms), &error);
  g_assert_no_error (error);

  wizard = open_wizard (NULL);
  gtk_flow_box_select_child (GTK_FLOW_BOX (field (wizard, "type")),
                             gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (field (wizard, "type")), HERALD_CAMPAIGN_TYPE_SMS));
  set_text (wizard, "name", "Long SMS");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  select_row_titled (wizard, "template", "Long SMS");
  act (wizard, "wizard.next");
  set_text (wizard, "cost", cost);
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_REVIEW);

  checks = herald_wizard_window_get_checks (wizard);
  g_assert_cmpuint (herald_wizard_checks_count (checks, HERALD_WIZARD_CHECK_SMS_SEGMENTS), ==, 1);
  per = herald_format_money (2 * 8, herald_campaign_get_currency (herald_wizard_window_get_campaign (wizard)));
  expected = g_strdup_printf (ngettext ("The SMS is longer than one message: it is sent as %u part and costs %s per recipient.",
                                        "The SMS is longer than one message: it is sent as %u parts and costs %s per recipient.", 2),
                              2, per);
  row = find_check_row (field (wizard, "review"), HERALD_WIZARD_CHECK_SMS_SEGMENTS);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
  /* A warning: saving is not blocked. */
  g_assert_false (herald_wizard_checks_blocking (checks));
  close_wizard (wizard);
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (sms), NULL));
}

/* Duplicate copies everything of the template, the preheader too, and
 * chooses the copy; an empty campaign preheader says the template's is sent. */
static void
test_wizard_duplicate_template (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autoptr(HeraldTemplate) source = NULL;
  g_autoptr(HeraldTemplate) copy = NULL;
  g_autofree char *copy_name = NULL;

  fill_basics (wizard, "Duplicate");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  g_assert_false (gtk_widget_get_sensitive (field (wizard, "duplicate-template")));
  select_row_titled (wizard, "template", "Ready to Send");
  g_assert_true (gtk_widget_get_sensitive (field (wizard, "duplicate-template")));
  g_assert_true (gtk_widget_get_visible (field (wizard, "preheader-hint")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (field (wizard, "preheader-hint"))), "This week for {{ first_name }}"));
  set_text (wizard, "preheader", "Our own");
  g_assert_false (gtk_widget_get_visible (field (wizard, "preheader-hint")));
  set_text (wizard, "preheader", "");
  act (wizard, "wizard.save-draft");
  source = selected_template (wizard);

  g_signal_emit_by_name (field (wizard, "duplicate-template"), "clicked");
  herald_test_spin (50);
  act (wizard, "wizard.save-draft");
  copy = selected_template (wizard);
  copy_name = g_strdup_printf (_("Copy of %s"), "Ready to Send");
  g_assert_cmpstr (herald_template_get_name (copy), ==, copy_name);
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (copy)), !=, herald_record_get_id (HERALD_RECORD (source)));
  g_assert_cmpint (herald_template_get_template_type (copy), ==, herald_template_get_template_type (source));
  g_assert_cmpstr (herald_template_get_subject (copy), ==, herald_template_get_subject (source));
  g_assert_cmpstr (herald_template_get_preheader (copy), ==, "This week for {{ first_name }}");
  g_assert_cmpstr (herald_template_get_body_html (copy), ==, herald_template_get_body_html (source));
  g_assert_cmpstr (herald_template_get_body_text (copy), ==, herald_template_get_body_text (source));
  g_assert_cmpstr (herald_template_get_variables (copy), ==, herald_template_get_variables (source));
  g_assert_true (herald_template_get_is_active (copy));
  close_wizard (wizard);
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (copy), NULL));
}

typedef struct {
  HeraldTemplatePreview *preview;
  guint                  loads;
} PreviewWait;

static gboolean
preview_loaded_more (gpointer user_data)
{
  PreviewWait *wait = user_data;

  return herald_template_preview_get_loads_finished (wait->preview) > wait->loads;
}

/* New… opens the template editor in a window of its own above the modal
 * wizard; what is saved there is listed and chosen in the wizard. */
static void
test_wizard_new_template (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  HeraldTemplateEditor *editor;
  GtkWindow *editor_window;
  GtkListBoxRow *row;
  g_autoptr(HeraldTemplate) saved = NULL;
  guint loads;

  fill_basics (wizard, "New template");
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  g_assert_true (gtk_widget_get_sensitive (field (wizard, "new-template")));
  g_assert_null (herald_wizard_window_get_template_editor (wizard));

  g_signal_emit_by_name (field (wizard, "new-template"), "clicked");
  editor = herald_wizard_window_get_template_editor (wizard);
  g_assert_nonnull (editor);
  editor_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor)));
  g_assert_true (editor_window != GTK_WINDOW (wizard));
  g_assert_true (gtk_window_get_transient_for (editor_window) == GTK_WINDOW (wizard));
  g_assert_true (gtk_window_get_modal (editor_window));
  herald_test_wait_for_mapped (GTK_WIDGET (editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_cmpint (adw_combo_row_get_selected (herald_template_editor_get_type_row (editor)), ==, HERALD_TEMPLATE_TYPE_EMAIL);
  /* Clicking New… again brings the same window forward. */
  g_signal_emit_by_name (field (wizard, "new-template"), "clicked");
  g_assert_true (herald_wizard_window_get_template_editor (wizard) == editor);

  /* The editor renders its preview a moment after the last change; the
   * first document (of the empty template) comes first. */
  g_assert_true (herald_test_wait_until (preview_loaded_more, &(PreviewWait) { herald_template_editor_get_preview (editor), 0 }, 30000));
  loads = herald_template_preview_get_loads_finished (herald_template_editor_get_preview (editor));
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_name_row (editor)), "Made in the Wizard");
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "Hello {{ first_name }}");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (herald_template_editor_get_html_buffer (editor)),
                            "<p>Hi</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>", -1);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (herald_template_editor_get_text_buffer (editor)),
                            "Hi\n\nUnsubscribe: {{ unsubscribe_url }}", -1);
  g_assert_true (herald_test_wait_until (preview_loaded_more, &(PreviewWait) { herald_template_editor_get_preview (editor), loads }, 30000));
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (editor_window), "wizard-3-new-template"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  herald_test_spin (50);

  /* Listed and chosen in the wizard; Next is fine. */
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (field (wizard, "template")));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Made in the Wizard");
  g_assert_null (herald_wizard_window_get_reason (wizard));
  act (wizard, "wizard.save-draft");
  saved = selected_template (wizard);
  g_assert_cmpstr (herald_template_get_subject (saved), ==, "Hello {{ first_name }}");
  g_assert_true (herald_template_get_is_active (saved));

  /* Nothing unsaved: closing the editor window asks nothing. */
  gtk_window_close (editor_window);
  herald_test_spin (50);
  g_assert_null (herald_wizard_window_get_template_editor (wizard));
  g_assert_null (herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* An SMS campaign gets a new SMS template. */
  go_to (wizard, HERALD_WIZARD_STEP_BASICS);
  gtk_flow_box_select_child (GTK_FLOW_BOX (field (wizard, "type")),
                             gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (field (wizard, "type")), HERALD_CAMPAIGN_TYPE_SMS));
  go_to (wizard, HERALD_WIZARD_STEP_CONTENT);
  g_signal_emit_by_name (field (wizard, "new-template"), "clicked");
  editor = herald_wizard_window_get_template_editor (wizard);
  g_assert_nonnull (editor);
  g_assert_cmpint (adw_combo_row_get_selected (herald_template_editor_get_type_row (editor)), ==, HERALD_TEMPLATE_TYPE_SMS);
  editor_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor)));
  g_object_add_weak_pointer (G_OBJECT (editor_window), (gpointer *) &editor_window);
  close_wizard (wizard);
  /* The editor window goes with the wizard. */
  g_assert_null (editor_window);
  g_assert_true (herald_store_delete (store (), HERALD_RECORD (saved), NULL));
}

static void
test_wizard_cost_remembered (void)
{
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autofree char *cost = herald_format_decimal (0.07, 2);

  gtk_flow_box_select_child (GTK_FLOW_BOX (field (wizard, "type")),
                             gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (field (wizard, "type")), HERALD_CAMPAIGN_TYPE_PUSH));
  set_text (wizard, "name", "Push with a cost");
  go_to (wizard, HERALD_WIZARD_STEP_SCHEDULE);
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_AUDIENCE);
  select_row (wizard, "segment", 0);
  act (wizard, "wizard.next");
  select_row (wizard, "template", 0);
  act (wizard, "wizard.next");
  g_assert_cmpint (herald_wizard_window_get_step (wizard), ==, HERALD_WIZARD_STEP_SCHEDULE);
  set_text (wizard, "cost", cost);
  act (wizard, "wizard.back");
  close_wizard (wizard);

  /* The next push campaign is offered the same cost; e-mail is not. */
  wizard = open_wizard (NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "cost"))), !=, cost);
  gtk_flow_box_select_child (GTK_FLOW_BOX (field (wizard, "type")),
                             gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (field (wizard, "type")), HERALD_CAMPAIGN_TYPE_PUSH));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (wizard, "cost"))), ==, cost);
  close_wizard (wizard);
}

typedef struct {
  gboolean  done;
  GError   *error;
} SnapshotWait;

static gboolean
snapshot_done_cb (gpointer user_data)
{
  return ((SnapshotWait *) user_data)->done;
}

static void
web_snapshot_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SnapshotWait *wait = user_data;
  g_autoptr(GdkTexture) texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &wait->error);

  if (texture != NULL)
    gdk_texture_save_to_png (texture, g_object_get_data (source, "herald-snapshot-path"));
  wait->done = TRUE;
}

/* A widget snapshot leaves WebKit's page out; WebKit renders it itself. */
static void
snapshot_web_view (WebKitWebView *web_view,
                   const char    *name)
{
  const char *root = g_getenv ("MESON_BUILD_ROOT");
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *dir = g_build_filename (root != NULL ? root : ".", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang != NULL && *lang != '\0' ? lang : "en");
  SnapshotWait wait = { FALSE, NULL };

  g_mkdir_with_parents (dir, 0755);
  g_object_set_data_full (G_OBJECT (web_view), "herald-snapshot-path", g_build_filename (dir, file, NULL), g_free);
  webkit_web_view_get_snapshot (web_view, WEBKIT_SNAPSHOT_REGION_VISIBLE, WEBKIT_SNAPSHOT_OPTIONS_NONE,
                                NULL, web_snapshot_cb, &wait);
  g_assert_true (herald_test_wait_until (snapshot_done_cb, &wait, 10000));
  g_assert_no_error (wait.error);
  g_test_message ("Screenshot: %s/%s", dir, file);
}

static void
test_wizard_screenshots (void)
{
  static const char *names[] = {
    "wizard-1-basics", "wizard-2-audience", "wizard-3-content", "wizard-4-schedule", "wizard-5-review",
  };
  static const char *pages[] = {
    "page-basics", "page-audience", "page-content", "page-schedule", "page-review",
  };
  HeraldWizardWindow *wizard = open_wizard (NULL);
  g_autofree char *page_name = NULL;
  g_autofree char *cost = NULL;
  gboolean german = g_strcmp0 (g_getenv ("LANGUAGE"), "de") == 0;
  guint loads;

  gtk_window_set_default_size (GTK_WINDOW (wizard), 760, 900);
  fill_basics (wizard, _("Spring Sale"));
  set_text (wizard, "budget", "1500");
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (wizard), names[0]));
  g_free (page_name);
  page_name = g_strconcat (names[0], "-page", NULL);
  g_free (herald_test_screenshot (field (wizard, pages[0]), page_name));
  act (wizard, "wizard.next");
  select_row (wizard, "segment", 0);
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (wizard), names[1]));
  g_free (page_name);
  page_name = g_strconcat (names[1], "-page", NULL);
  g_free (herald_test_screenshot (field (wizard, pages[1]), page_name));
  act (wizard, "wizard.next");
  loads = herald_template_preview_get_loads_finished (HERALD_TEMPLATE_PREVIEW (field (wizard, "preview")));
  select_row_titled (wizard, "template", german ? "Newsletter (Deutsch)" : "Welcome (English)");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (wizard, "ab")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (field (wizard, "ab")), TRUE);
  set_text (wizard, "variant-subject-0", german ? "Der Frühling ist da, {{ first_name }}" : "Spring is here, {{ first_name }}");
  set_text (wizard, "variant-subject-1", german ? "20 % Rabatt bis Sonntag" : "20 % off until Sunday");
  g_assert_true (herald_test_wait_until (preview_loaded_more,
                                         &(PreviewWait) { HERALD_TEMPLATE_PREVIEW (field (wizard, "preview")), loads }, 30000));
  herald_test_spin (300);
  snapshot_web_view (herald_template_preview_get_web_view (HERALD_TEMPLATE_PREVIEW (field (wizard, "preview"))),
                     "wizard-3-content-web");
  g_free (herald_test_screenshot (GTK_WIDGET (wizard), names[2]));
  g_free (page_name);
  page_name = g_strconcat (names[2], "-page", NULL);
  g_free (herald_test_screenshot (field (wizard, pages[2]), page_name));
  act (wizard, "wizard.next");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (wizard, "mode-now")), TRUE);
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (wizard), "wizard-4-send-now"));
  act (wizard, "wizard.schedule-instead");
  schedule_at (wizard, "Europe/Berlin", next_year (), 12, 1, 9, 0);
  cost = herald_format_decimal (0.05, 2);
  set_text (wizard, "cost", cost);
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (wizard), names[3]));
  g_free (page_name);
  page_name = g_strconcat (names[3], "-page", NULL);
  g_free (herald_test_screenshot (field (wizard, pages[3]), page_name));
  act (wizard, "wizard.next");
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (wizard), names[4]));
  g_free (page_name);
  page_name = g_strconcat (names[4], "-page", NULL);
  g_free (herald_test_screenshot (field (wizard, pages[4]), page_name));
  close_wizard (wizard);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);

  app = herald_test_app_new (TRUE);
  save_good_template ();

  g_test_add_func ("/herald/wizard/validation", test_wizard_validation);
  g_test_add_func ("/herald/wizard/schedule-time-zones", test_wizard_schedule_time_zones);
  g_test_add_func ("/herald/wizard/ab-variants", test_wizard_ab_variants);
  g_test_add_func ("/herald/wizard/draft-survives", test_wizard_draft_survives);
  g_test_add_func ("/herald/wizard/edit-refuses-non-draft", test_wizard_edit_refuses_non_draft);
  g_test_add_func ("/herald/wizard/escape-asks", test_wizard_escape_asks);
  g_test_add_func ("/herald/wizard/keyboard", test_wizard_keyboard);
  g_test_add_func ("/herald/wizard/review-checklist", test_wizard_review_checklist);
  g_test_add_func ("/herald/wizard/sample-size-hint", test_wizard_sample_size_hint);
  g_test_add_func ("/herald/wizard/cost-remembered", test_wizard_cost_remembered);
  g_test_add_func ("/herald/wizard/duplicate-template", test_wizard_duplicate_template);
  g_test_add_func ("/herald/wizard/new-template", test_wizard_new_template);
  g_test_add_func ("/herald/wizard/preview", test_wizard_preview);
  g_test_add_func ("/herald/wizard/segment-sync", test_wizard_segment_sync);
  g_test_add_func ("/herald/wizard/send-now", test_wizard_send_now);
  g_test_add_func ("/herald/wizard/review-edit-links", test_wizard_review_edit_links);
  g_test_add_func ("/herald/wizard/defaults-from-preferences", test_wizard_defaults_from_preferences);
  g_test_add_func ("/herald/wizard/review-sms-segments", test_wizard_review_sms_segments);
  g_test_add_func ("/herald/wizard/screenshots", test_wizard_screenshots);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
