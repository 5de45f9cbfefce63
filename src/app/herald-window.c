/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-window.c: the main window: header bar, view switcher, three views. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-campaigns-view.h"
#include "herald-performance-view.h"
#include "herald-templates-view.h"
#include "herald-window.h"
#include "herald-wizard-window.h"

struct _HeraldWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwViewStack         *view_stack;
  HeraldCampaignsView  *campaigns_view;
  HeraldTemplatesView  *templates_view;
  HeraldPerformanceView *performance_view;
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (HeraldWindow, herald_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *view_names[] = { "campaigns", "templates", "performance" };

static gboolean
is_known_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
save_window_state (HeraldWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view",
                         herald_window_get_visible_view (self));
  g_settings_apply (self->settings);
}

static void
show_view_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeraldWindow *self = HERALD_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!is_known_view (name))
    {
      g_warning ("Unknown view “%s”", name);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
open_wizard (HeraldWindow *self,
             const char   *campaign_id)
{
  g_autoptr(GError) error = NULL;
  HeraldWizardWindow *wizard;

  wizard = herald_wizard_window_new (HERALD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                     GTK_WINDOW (self), campaign_id, &error);
  if (wizard == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
new_campaign_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  open_wizard (HERALD_WINDOW (widget), NULL);
}

static void
edit_campaign_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  open_wizard (HERALD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
edit_template_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HeraldWindow *self = HERALD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "templates");
  herald_templates_view_edit_template (self->templates_view,
                                       g_variant_get_string (parameter, NULL));
}

static void
herald_window_constructed (GObject *object)
{
  HeraldWindow *self = HERALD_WINDOW (object);
  GtkApplication *app;
  HeraldStore *store = NULL;

  G_OBJECT_CLASS (herald_window_parent_class)->constructed (object);

  /* The application is set by now; hand its store to the views. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (HERALD_IS_APPLICATION (app))
    store = herald_application_get_store (HERALD_APPLICATION (app));
  herald_campaigns_view_set_store (self->campaigns_view, store);
  herald_templates_view_set_store (self->templates_view, store);
  herald_performance_view_set_store (self->performance_view, store);
}

static gboolean
herald_window_close_request (GtkWindow *window)
{
  save_window_state (HERALD_WINDOW (window));

  return GTK_WINDOW_CLASS (herald_window_parent_class)->close_request (window);
}

static void
herald_window_dispose (GObject *object)
{
  HeraldWindow *self = HERALD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HERALD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (herald_window_parent_class)->dispose (object);
}

static void
herald_window_class_init (HeraldWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = herald_window_constructed;
  object_class->dispose = herald_window_dispose;
  window_class->close_request = herald_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, campaigns_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, templates_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, performance_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeraldWindow, primary_menu_button);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-template", "s", edit_template_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-campaign", "s", edit_campaign_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-view", "s", view_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-campaign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0,
                                       "menu.popup", NULL);
}

static void
herald_window_init (HeraldWindow *self)
{
  g_autofree char *last_view = NULL;

  g_type_ensure (HERALD_TYPE_CAMPAIGNS_VIEW);
  g_type_ensure (HERALD_TYPE_TEMPLATES_VIEW);
  g_type_ensure (HERALD_TYPE_PERFORMANCE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.herald.Herald");

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  if (is_known_view (last_view))
    adw_view_stack_set_visible_child_name (self->view_stack, last_view);
}

/**
 * herald_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new main window, owned by @application.
 */
HeraldWindow *
herald_window_new (HeraldApplication *application)
{
  HeraldWindow *self = g_object_new (HERALD_TYPE_WINDOW,
                                     "application", application,
                                     NULL);
  HeraldStore *store = herald_application_get_store (application);

  /* Not in constructed(): GObject sets non-construct properties such as
   * "application" only after constructed() has run. */
  herald_campaigns_view_set_store (self->campaigns_view, store);
  herald_templates_view_set_store (self->templates_view, store);
  herald_performance_view_set_store (self->performance_view, store);
  return self;
}

/**
 * herald_window_add_toast:
 * @self: the window
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's views.
 */
void
herald_window_add_toast (HeraldWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (HERALD_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * herald_window_get_visible_view:
 * @self: the window
 *
 * Returns: the name of the visible view: `campaigns`, `templates` or
 *   `performance`.
 */
const char *
herald_window_get_visible_view (HeraldWindow *self)
{
  g_return_val_if_fail (HERALD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}
