/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preferences.c: the Preferences window's campaign defaults: checked
 * before they are saved to GSettings, a message under the rows when they
 * are not valid, and a new campaign in the wizard starts with them. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald-application.h"
#include "herald-preferences-window.h"
#include "herald-test-gui.h"
#include "herald-window.h"
#include "herald-wizard-window.h"

static HeraldApplication *app;

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
child (GtkWindow  *prefs,
       const char *id)
{
  GtkWidget *found = find_by_id (GTK_WIDGET (prefs), id);

  g_assert_nonnull (found);
  return found;
}

static char *
setting (const char *key)
{
  return g_settings_get_string (herald_application_get_settings (app), key);
}

static HeraldWindow *
main_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  herald_test_wait_for_mapped (GTK_WIDGET (window));
  return HERALD_WINDOW (window);
}

static GtkWindow *
open_preferences (void)
{
  GtkWindow *prefs;

  main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  herald_test_spin (100);
  prefs = herald_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  herald_test_wait_for_mapped (GTK_WIDGET (prefs));
  return prefs;
}

/* Types @text into @row and presses Enter. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  herald_test_spin (20);
  g_signal_emit_by_name (row, "entry-activated");
  herald_test_spin (20);
}

static void
assert_no_message (GtkWidget *row,
                   GtkWidget *label)
{
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

static void
assert_message (GtkWidget *row,
                GtkWidget *label)
{
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (label)));
}

static void
test_preferences_currency (void)
{
  GtkWindow *prefs = open_preferences ();
  GtkWidget *row = child (prefs, "currency_row");
  GtkWidget *error = child (prefs, "currency_error");
  g_autofree char *stored = NULL;
  g_autofree char *shot = NULL;

  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "");
  g_clear_pointer (&stored, g_free);
  assert_no_message (row, error);

  /* a code in small letters is saved in capitals */
  type_into (row, " chf ");
  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "CHF");
  g_clear_pointer (&stored, g_free);
  assert_no_message (row, error);

  /* while typing there is no message yet, and nothing invalid is saved */
  gtk_editable_set_text (GTK_EDITABLE (row), "EU");
  herald_test_spin (20);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "CHF");
  g_clear_pointer (&stored, g_free);

  /* three letters are not enough: the code must exist */
  type_into (row, "EUX");
  assert_message (row, error);
  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "CHF");
  g_clear_pointer (&stored, g_free);
  type_into (row, "Euro");
  assert_message (row, error);
  shot = herald_test_screenshot (GTK_WIDGET (prefs), "preferences-currency-error");
  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "CHF");
  g_clear_pointer (&stored, g_free);

  /* the message goes as soon as the value is valid */
  gtk_editable_set_text (GTK_EDITABLE (row), "EUR");
  herald_test_spin (20);
  assert_no_message (row, error);
  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "EUR");
  g_clear_pointer (&stored, g_free);

  /* empty means the region's currency */
  type_into (row, "");
  assert_no_message (row, error);
  g_assert_cmpstr ((stored = setting ("default-currency")), ==, "");
  g_clear_pointer (&stored, g_free);

  /* a change made elsewhere shows at once */
  g_settings_set_string (herald_application_get_settings (app), "default-currency", "GBP");
  herald_test_spin (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "GBP");
  g_settings_set_string (herald_application_get_settings (app), "default-currency", "");
  herald_test_spin (20);

  gtk_window_destroy (prefs);
  herald_test_spin (20);
}

static void
test_preferences_sender (void)
{
  GtkWindow *prefs = open_preferences ();
  GtkWidget *name = child (prefs, "sender_name_row");
  GtkWidget *address = child (prefs, "sender_address_row");
  GtkWidget *reply_to = child (prefs, "reply_to_row");
  GtkWidget *address_error = child (prefs, "sender_address_error");
  GtkWidget *reply_to_error = child (prefs, "reply_to_error");
  g_autofree char *stored = NULL;

  type_into (name, "Stadtwerke Musterstadt");
  g_assert_cmpstr ((stored = setting ("default-sender-name")), ==, "Stadtwerke Musterstadt");
  g_clear_pointer (&stored, g_free);

  type_into (address, "newsletter");
  assert_message (address, address_error);
  g_assert_cmpstr ((stored = setting ("default-sender-address")), ==, "");
  g_clear_pointer (&stored, g_free);
  type_into (reply_to, "service@@example.org");
  assert_message (reply_to, reply_to_error);
  /* each message stays with its own field */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (address_error)), !=,
                   gtk_label_get_label (GTK_LABEL (reply_to_error)));
  {
    g_autofree char *shot = herald_test_screenshot (GTK_WIDGET (prefs), "preferences-sender-errors");
  }
  g_assert_cmpstr ((stored = setting ("default-reply-to")), ==, "");
  g_clear_pointer (&stored, g_free);

  type_into (address, "newsletter@stadtwerke.example");
  assert_no_message (address, address_error);
  g_assert_true (gtk_widget_get_visible (reply_to_error));
  type_into (reply_to, "service@stadtwerke.example");
  assert_no_message (reply_to, reply_to_error);
  g_assert_cmpstr ((stored = setting ("default-sender-address")), ==, "newsletter@stadtwerke.example");
  g_clear_pointer (&stored, g_free);
  g_assert_cmpstr ((stored = setting ("default-reply-to")), ==, "service@stadtwerke.example");
  g_clear_pointer (&stored, g_free);

  gtk_window_destroy (prefs);
  herald_test_spin (20);
}

/* What was saved is what a new campaign starts with (win.new-campaign
 * opens the wizard, which reads the defaults). */
static void
test_preferences_new_campaign (void)
{
  GtkWindow *prefs = open_preferences ();
  HeraldWindow *window;
  HeraldWizardWindow *wizard = NULL;
  HeraldCampaign *campaign;
  GListModel *toplevels;

  type_into (child (prefs, "currency_row"), "chf");
  type_into (child (prefs, "sender_name_row"), "Stadtwerke Musterstadt");
  type_into (child (prefs, "sender_address_row"), "newsletter@stadtwerke.example");
  type_into (child (prefs, "reply_to_row"), "service@stadtwerke.example");
  gtk_window_destroy (prefs);
  herald_test_spin (20);

  window = main_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-campaign", NULL));
  herald_test_spin (100);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && wizard == NULL; i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (HERALD_IS_WIZARD_WINDOW (w))
        wizard = HERALD_WIZARD_WINDOW (w);
    }
  g_assert_nonnull (wizard);
  campaign = herald_wizard_window_get_campaign (wizard);
  g_assert_cmpstr (herald_campaign_get_currency (campaign), ==, "CHF");
  g_assert_cmpstr (herald_campaign_get_from_name (campaign), ==, "Stadtwerke Musterstadt");
  g_assert_cmpstr (herald_campaign_get_from_address (campaign), ==, "newsletter@stadtwerke.example");
  g_assert_cmpstr (herald_campaign_get_reply_to (campaign), ==, "service@stadtwerke.example");
  /* and the wizard's fields show them */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_wizard_window_get_field (wizard, "from-address"))),
                   ==, "newsletter@stadtwerke.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_wizard_window_get_field (wizard, "reply-to"))),
                   ==, "service@stadtwerke.example");
  gtk_window_destroy (GTK_WINDOW (wizard));
  herald_test_spin (50);

  /* no default currency: the region's */
  g_settings_set_string (herald_application_get_settings (app), "default-currency", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-campaign", NULL));
  herald_test_spin (100);
  wizard = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && wizard == NULL; i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (HERALD_IS_WIZARD_WINDOW (w))
        wizard = HERALD_WIZARD_WINDOW (w);
    }
  g_assert_nonnull (wizard);
  g_assert_cmpstr (herald_campaign_get_currency (herald_wizard_window_get_campaign (wizard)), ==,
                   herald_default_currency ());
  gtk_window_destroy (GTK_WINDOW (wizard));
  herald_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);
  app = herald_test_app_new (FALSE);

  g_test_add_func ("/herald/preferences/currency", test_preferences_currency);
  g_test_add_func ("/herald/preferences/sender", test_preferences_sender);
  g_test_add_func ("/herald/preferences/new-campaign", test_preferences_new_campaign);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
