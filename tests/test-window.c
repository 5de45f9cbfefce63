/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window, its views, menu windows and shortcuts. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald-application.h"
#include "herald-test-gui.h"
#include "herald-window.h"

static HeraldApplication *app;

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

static void
close_all_windows (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  herald_test_spin (50);
}

static GtkWidget *
visible_view_child (HeraldWindow *window)
{
  AdwViewStack *stack = NULL;
  GtkWidget *child;

  /* Walk down to the stack rather than expose it for tests. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (window)); child != NULL; )
    {
      if (ADW_IS_VIEW_STACK (child))
        {
          stack = ADW_VIEW_STACK (child);
          break;
        }
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_nonnull (stack);
  child = adw_view_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_BIN (child));
  child = adw_bin_get_child (ADW_BIN (child));
  /* A view may keep its empty state as a page of a stack. */
  if (GTK_IS_STACK (child))
    child = gtk_stack_get_visible_child (GTK_STACK (child));
  return child;
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_button_for_action (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_views (void)
{
  static const struct {
    const char *name;
    const char *title;
    const char *primary_action;  /* the empty state's suggested button */
  } views[] = {
    { "campaigns", N_("No Campaigns Yet"), "win.new-campaign" },
    { "templates", N_("No Templates Yet"), "templates.new" },
    /* Nothing to create here: measuring starts with a campaign. */
    { "performance", N_("Nothing to Measure Yet"), NULL },
  };
  HeraldWindow *window = open_main_window ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child;
      g_autofree char *shot = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view",
                                                 "s", views[i].name));
      herald_test_spin (50);
      g_assert_cmpstr (herald_window_get_visible_view (window), ==, views[i].name);

      child = visible_view_child (window);
      g_assert_true (ADW_IS_STATUS_PAGE (child));
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child)), ==, _(views[i].title));
      g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (child)));
      g_assert_nonnull (adw_status_page_get_icon_name (ADW_STATUS_PAGE (child)));
      if (views[i].primary_action != NULL)
        {
          GtkWidget *button = find_button_for_action (child, views[i].primary_action);

          g_assert_nonnull (button);
          g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
          g_assert_true (gtk_widget_is_sensitive (button));
          g_assert_true (gtk_widget_get_mapped (button));
        }

      if (i == 0)
        {
          shot = herald_test_screenshot (GTK_WIDGET (window), "main-window");
          g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));
        }
    }

  close_all_windows ();
}

static void
test_window_state_saved (void)
{
  GSettings *settings = herald_application_get_settings (app);
  HeraldWindow *window = open_main_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "performance");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  herald_test_spin (50);
  gtk_window_close (GTK_WINDOW (window));
  herald_test_spin (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (last, ==, "performance");
  }

  /* A new window comes back on the same view. */
  window = open_main_window ();
  g_assert_cmpstr (herald_window_get_visible_view (window), ==, "performance");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "campaigns");
  close_all_windows ();
}

static void
test_window_shortcuts (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "window.close", "<Control>w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) got = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 accels[i].action);
      g_assert_nonnull (got);
      g_assert_cmpstr (got[0], ==, accels[i].accel);
    }
}

static void
test_window_ctrl_number_switches_view (void)
{
  HeraldWindow *window = open_main_window ();
  GtkEventController *controller = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n = g_list_model_get_n_items (controllers);
  gboolean found = FALSE;

  /* The Ctrl+1..3 bindings are class shortcuts; look them up and check
   * that each triggers the view it names. */
  for (guint i = 0; i < n && !found; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);
      if (GTK_IS_SHORTCUT_CONTROLLER (item))
        {
          guint m = g_list_model_get_n_items (G_LIST_MODEL (item));
          for (guint j = 0; j < m; j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (item), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              g_autofree char *str = gtk_shortcut_trigger_to_string (trigger);

              if (g_strcmp0 (str, "<Control>2") == 0)
                {
                  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
                  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window),
                                                               gtk_shortcut_get_arguments (shortcut)));
                  controller = GTK_EVENT_CONTROLLER (item);
                  found = TRUE;
                  break;
                }
            }
        }
    }
  g_assert_true (found);
  g_assert_nonnull (controller);
  herald_test_spin (50);
  g_assert_cmpstr (herald_window_get_visible_view (window), ==, "templates");
  close_all_windows ();
}

static void
test_window_about (void)
{
  HeraldWindow *window = open_main_window ();
  GtkWindow *about;
  g_autofree char *shot = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  herald_test_spin (100);
  about = herald_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  shot = herald_test_screenshot (GTK_WIDGET (about), "about");
  gtk_window_destroy (about);
  close_all_windows ();
}

static void
test_window_preferences (void)
{
  HeraldWindow *window = open_main_window ();
  GtkWindow *prefs;
  g_autofree char *shot = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  herald_test_spin (100);
  prefs = herald_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  shot = herald_test_screenshot (GTK_WIDGET (prefs), "preferences");

  /* The style setting reaches AdwStyleManager at once. */
  g_settings_set_string (herald_application_get_settings (app), "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (herald_application_get_settings (app), "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (prefs);
  close_all_windows ();
}

static void
test_window_shortcuts_window (void)
{
  HeraldWindow *window = open_main_window ();
  GtkWindow *overlay;
  g_autofree char *shot = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  herald_test_spin (100);
  overlay = herald_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  shot = herald_test_screenshot (GTK_WIDGET (overlay), "shortcuts");
  gtk_window_destroy (overlay);
  close_all_windows ();
}

static void
test_window_load_demo (void)
{
  HeraldStore *store = herald_application_get_store (app);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), "load-demo");

  g_assert_true (herald_store_is_empty (store));
  g_assert_true (g_action_get_enabled (action));
  g_action_group_activate_action (G_ACTION_GROUP (app), "load-demo", NULL);
  g_assert_false (herald_store_is_empty (store));
  /* Sample data goes only into an empty store. */
  g_assert_false (g_action_get_enabled (action));
}

static void
test_window_bad_store (void)
{
  g_autofree char *path = herald_test_make_store_path ();
  g_autoptr(HeraldApplication) broken = herald_application_new ();
  g_autofree char *contents = NULL;
  const char *garbage = "this is not a database, and must stay as it is";

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  herald_application_set_store_path (broken, path);
  /* A second application in one process needs its own D-Bus id. */
  g_application_set_application_id (G_APPLICATION (broken), APPLICATION_ID ".BadStore");
  g_application_set_flags (G_APPLICATION (broken), G_APPLICATION_NON_UNIQUE);
  g_test_expect_message ("Herald", G_LOG_LEVEL_WARNING, "Cannot open the store*");
  g_assert_true (g_application_register (G_APPLICATION (broken), NULL, NULL));
  g_test_assert_expected_messages ();
  g_assert_null (herald_application_get_store (broken));
  g_assert_nonnull (herald_application_get_store_error (broken));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);

  app = herald_test_app_new (FALSE);

  g_test_add_func ("/herald/window/views", test_window_views);
  g_test_add_func ("/herald/window/state-saved", test_window_state_saved);
  g_test_add_func ("/herald/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/herald/window/ctrl-number", test_window_ctrl_number_switches_view);
  g_test_add_func ("/herald/window/about", test_window_about);
  g_test_add_func ("/herald/window/preferences", test_window_preferences);
  g_test_add_func ("/herald/window/shortcuts-window", test_window_shortcuts_window);

  g_test_add_func ("/herald/window/bad-store", test_window_bad_store);
  g_test_add_func ("/herald/window/load-demo", test_window_load_demo);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
