/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-templates-view.c: the Templates view of the main window: the list
 * of templates (search, type filter, new, duplicate, delete, activate,
 * import and export) and the editor. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-a11y.h"
#include "herald-dialogs.h"
#include "herald-file-chooser.h"
#include "herald-store-private.h"
#include "herald-template-editor.h"
#include "herald-templates-view.h"
#include "herald-window.h"

struct _HeraldTemplatesView
{
  AdwBin                parent_instance;

  HeraldStore          *store;
  GListStore           *templates;
  /* template id → campaigns using it (all, not final) as two gint64 */
  GHashTable           *usage;

  AdwStatusPage        *empty_page;
  GtkStack             *content_stack;
  GtkStack             *list_stack;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *type_filter;
  GtkListView          *list_view;
  HeraldTemplateEditor *editor;
};

G_DEFINE_FINAL_TYPE (HeraldTemplatesView, herald_templates_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
parent_window (HeraldTemplatesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (HeraldTemplatesView *self,
            const char          *heading,
            const GError        *error)
{
  herald_dialogs_show_error (parent_window (self), heading, error != NULL ? error->message : NULL);
}

/* How many campaigns use each template; one grouped query, templates are
 * few but campaigns can be many. */
static void
load_usage (HeraldTemplatesView *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_hash_table_remove_all (self->usage);
  if (self->store == NULL)
    return;

  stmt = herald_store_prepare_read (self->store,
                                    "SELECT template_id, count(*), "
                                    "  sum(status NOT IN ('completed', 'cancelled')) "
                                    "FROM campaigns WHERE template_id IS NOT NULL "
                                    "GROUP BY template_id",
                                    &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot count the campaigns of templates: %s", error->message);
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *counts = g_new (gint64, 2);

      counts[0] = sqlite3_column_int64 (stmt, 1);
      counts[1] = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (self->usage, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), counts);
    }
  sqlite3_reset (stmt);
}

static gint64
usage_count (HeraldTemplatesView *self,
             const char          *id,
             gboolean             unfinished_only)
{
  gint64 *counts = g_hash_table_lookup (self->usage, id);

  return counts == NULL ? 0 : counts[unfinished_only ? 1 : 0];
}

static void
reload (HeraldTemplatesView *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint selected = gtk_drop_down_get_selected (self->type_filter);
  int type = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  gboolean empty_store;

  g_list_store_remove_all (self->templates);
  if (self->store != NULL)
    {
      load_usage (self);
      templates = herald_store_list_templates (self->store, type, *search != '\0' ? search : NULL, &error);
      if (templates == NULL)
        g_warning ("Cannot list templates: %s", error->message);
      else
        g_list_store_splice (self->templates, 0, 0, templates->pdata, templates->len);
    }

  /* The empty state is about the store, not about the filter. */
  if (self->store == NULL)
    empty_store = TRUE;
  else if (type == -1 && *search == '\0')
    empty_store = templates == NULL || templates->len == 0;
  else
    {
      g_autoptr(GPtrArray) all = herald_store_list_templates (self->store, -1, NULL, NULL);

      empty_store = all == NULL || all->len == 0;
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "editor") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, empty_store ? "empty" : "list");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->templates)) > 0
                                    ? "list" : "no-results");
}

static HeraldTemplate *
find_template (HeraldTemplatesView *self,
               const char          *id,
               GError             **error)
{
  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no store."));
      return NULL;
    }
  return herald_store_get_template (self->store, id, error);
}

static void editor_closed_cb (HeraldTemplateEditor *editor,
                              HeraldTemplatesView  *self);
static void editor_saved_cb (HeraldTemplateEditor *editor,
                             HeraldTemplatesView  *self);

/* The editor (a GtkSourceView and a WebKitWebView) is built when it is
 * first needed: at launch it cost 250 ms of the first frame, for people
 * who may not open a template at all. */
static HeraldTemplateEditor *
ensure_editor (HeraldTemplatesView *self)
{
  if (self->editor == NULL)
    {
      self->editor = HERALD_TEMPLATE_EDITOR (herald_template_editor_new ());
      g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self, 0);
      g_signal_connect_object (self->editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->editor), "editor");
      herald_template_editor_set_store (self->editor, self->store);
    }
  return self->editor;
}

static void
open_editor (HeraldTemplatesView *self,
             HeraldTemplate      *template)
{
  /* Its store follows the view's (herald_templates_view_set_store()). */
  ensure_editor (self);
  herald_template_editor_load (self->editor, template);
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HeraldTemplatesView      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_label_set_xalign (GTK_LABEL (details), 1);
  gtk_label_set_justify (GTK_LABEL (details), GTK_JUSTIFY_RIGHT);
  /* A fixed width keeps the status of every row in one column. */
  gtk_label_set_width_chars (GTK_LABEL (details), 26);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "caption");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_tooltip_text (menu, _("Template Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template Actions"), -1);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (box), menu);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "details", details);
  g_object_set_data (G_OBJECT (box), "menu", menu);
  gtk_list_item_set_child (item, box);
}

static GMenuModel *
row_menu (HeraldTemplate *template)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *id = herald_record_get_id (HERALD_RECORD (template));
  g_autofree char *action = NULL;

#define ADD(m, label, name)                                                 \
  action = g_strdup_printf ("templates." name "::%s", id);                  \
  g_menu_append (m, label, action);                                         \
  g_clear_pointer (&action, g_free);

  ADD (section, _("_Edit"), "edit")
  ADD (section, _("D_uplicate"), "duplicate")
  ADD (section, herald_template_get_is_active (template) ? _("_Deactivate") : _("_Activate"), "toggle-active")
  ADD (section, _("E_xport HTML and Text…"), "export")
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  ADD (section, _("_Delete"), "delete")
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
#undef ADD

  return G_MENU_MODEL (menu);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HeraldTemplatesView      *self)
{
  HeraldTemplate *template = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");
  const char *subject = herald_template_get_subject (template);
  const char *id = herald_record_get_id (HERALD_RECORD (template));
  gint64 used = usage_count (self, id, FALSE);
  g_autofree char *subtitle = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *used_count = herald_format_count (used);
  g_autofree char *used_text = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GMenuModel) menu = row_menu (template);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *updated = herald_record_get_updated_at (HERALD_RECORD (template));

  if (subject != NULL && *subject != '\0')
    subtitle = g_strdup_printf ("%s · %s",
                                herald_template_type_get_display_name (herald_template_get_template_type (template)),
                                subject);
  else
    subtitle = g_strdup (herald_template_type_get_display_name (herald_template_get_template_type (template)));

  if (updated != NULL)
    {
      g_autofree char *when = herald_format_relative (updated, now);

      /* Translators: %s is a relative time such as “3 days ago” */
      changed = g_strdup_printf (_("Changed %s"), when);
    }
  used_text = g_strdup_printf (ngettext ("Used by %s campaign", "Used by %s campaigns", (gulong) used),
                               used_count);
  details = changed != NULL ? g_strdup_printf ("%s\n%s", changed, used_text) : g_strdup (used_text);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "name"), herald_template_get_name (template));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "details"), details);
  gtk_label_set_label (GTK_LABEL (status),
                       herald_template_get_is_active (template) ? _("Active") : _("Inactive"));
  if (herald_template_get_is_active (template))
    {
      gtk_widget_add_css_class (status, "success");
      gtk_widget_remove_css_class (status, "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (status, "dim-label");
      gtk_widget_remove_css_class (status, "success");
    }
  gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (box), "menu"), menu);
}

/* Callbacks */

static void
filter_changed_cb (HeraldTemplatesView *self)
{
  reload (self);
}

static void
row_activated_cb (GtkListView         *list_view,
                  guint                position,
                  HeraldTemplatesView *self)
{
  g_autoptr(HeraldTemplate) template = g_list_model_get_item (G_LIST_MODEL (self->templates), position);

  if (template != NULL)
    open_editor (self, template);
}

static void
editor_closed_cb (HeraldTemplateEditor *editor,
                  HeraldTemplatesView  *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
editor_saved_cb (HeraldTemplateEditor *editor,
                 HeraldTemplatesView  *self)
{
  g_autofree char *name = g_strdup (herald_template_get_name (herald_template_editor_get_template (editor)));
  GtkWindow *window = parent_window (self);
  g_autofree char *title = g_strdup_printf (_("“%s” saved"), name);

  if (HERALD_IS_WINDOW (window))
    herald_window_add_toast (HERALD_WINDOW (window), adw_toast_new (title));
}

/* Actions */

static void
new_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (HERALD_TEMPLATES_VIEW (widget), NULL);
}

static void
edit_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  herald_templates_view_edit_template (HERALD_TEMPLATES_VIEW (widget),
                                       g_variant_get_string (parameter, NULL));
}

static void
duplicate_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) original = find_template (self, g_variant_get_string (parameter, NULL), &error);
  g_autoptr(HeraldTemplate) copy = NULL;
  g_autofree char *name = NULL;

  if (original == NULL)
    {
      show_error (self, _("Could Not Duplicate the Template"), error);
      return;
    }

  copy = herald_template_new ();
  /* Translators: the name of a duplicated template */
  name = g_strdup_printf (_("%s (Copy)"), herald_template_get_name (original));
  herald_template_set_name (copy, name);
  herald_template_set_description (copy, herald_template_get_description (original));
  herald_template_set_template_type (copy, herald_template_get_template_type (original));
  herald_template_set_locale (copy, herald_template_get_locale (original));
  herald_template_set_subject (copy, herald_template_get_subject (original));
  herald_template_set_body_html (copy, herald_template_get_body_html (original));
  herald_template_set_body_text (copy, herald_template_get_body_text (original));
  herald_template_set_variables (copy, herald_template_get_variables (original));
  herald_template_set_is_active (copy, herald_template_get_is_active (original));
  if (!herald_store_save (self->store, HERALD_RECORD (copy), &error))
    {
      show_error (self, _("Could Not Duplicate the Template"), error);
      return;
    }
  reload (self);
}

static void
toggle_active_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = find_template (self, g_variant_get_string (parameter, NULL), &error);

  if (template != NULL)
    {
      herald_template_set_is_active (template, !herald_template_get_is_active (template));
      if (herald_store_save (self->store, HERALD_RECORD (template), &error))
        {
          reload (self);
          return;
        }
    }
  show_error (self, _("Could Not Change the Template"), error);
}

typedef struct
{
  HeraldTemplatesView *self;
  HeraldTemplate      *template;
} DeleteData;

static void
delete_confirmed_cb (gboolean confirmed,
                     gpointer user_data)
{
  DeleteData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (confirmed && !herald_store_delete (data->self->store, HERALD_RECORD (data->template), &error))
    show_error (data->self, _("Could Not Delete the Template"), error);
  reload (data->self);
  g_object_unref (data->self);
  g_object_unref (data->template);
  g_free (data);
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = find_template (self, g_variant_get_string (parameter, NULL), &error);

  if (template == NULL)
    {
      show_error (self, _("Could Not Delete the Template"), error);
      return;
    }
  herald_templates_view_delete_template (self, template);
}

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(HeraldTemplate) template = user_data;
  g_autoptr(GError) error = NULL;

  if (file != NULL && !herald_templates_view_export_file (template, file, &error))
    herald_dialogs_show_error (NULL, _("Could Not Export the Template"), error->message);
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = find_template (self, g_variant_get_string (parameter, NULL), &error);
  g_autofree char *suggested = NULL;

  if (template == NULL)
    {
      show_error (self, _("Could Not Export the Template"), error);
      return;
    }
  suggested = g_strconcat (herald_template_get_name (template), ".html", NULL);
  g_strdelimit (suggested, "/\\", '-');
  herald_file_chooser_save (parent_window (self),
                            _("Export HTML and Text"),
                            suggested, export_chosen_cb, g_steal_pointer (&template));
}

static void
import_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(HeraldTemplatesView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (file != NULL && !herald_templates_view_import_file (self, file, &error))
    show_error (self, _("Could Not Import the File"), error);
}

static void
import_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (widget);

  herald_file_chooser_open (parent_window (self), _("Import HTML"),
                            _("HTML Files"), "text/html",
                            import_chosen_cb, g_object_ref (self));
}

/* GObject */

static void
herald_templates_view_dispose (GObject *object)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->templates);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  /* A child of the content stack, which goes with the template. */
  self->editor = NULL;

  G_OBJECT_CLASS (herald_templates_view_parent_class)->dispose (object);
}

static void
herald_templates_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_templates_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HeraldTemplatesView *self = HERALD_TEMPLATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_templates_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_templates_view_class_init (HeraldTemplatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_templates_view_dispose;
  object_class->get_property = herald_templates_view_get_property;
  object_class->set_property = herald_templates_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HERALD_TYPE_TEMPLATE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-templates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesView, type_filter);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplatesView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_activated_cb);
  gtk_widget_class_install_action (widget_class, "templates.import", NULL, import_activated_cb);
  gtk_widget_class_install_action (widget_class, "templates.edit", "s", edit_activated_cb);
  gtk_widget_class_install_action (widget_class, "templates.duplicate", "s", duplicate_activated_cb);
  gtk_widget_class_install_action (widget_class, "templates.toggle-active", "s", toggle_active_activated_cb);
  gtk_widget_class_install_action (widget_class, "templates.delete", "s", delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "templates.export", "s", export_activated_cb);
}

static void
herald_templates_view_init (HeraldTemplatesView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->templates = g_list_store_new (HERALD_TYPE_TEMPLATE);
  self->usage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  herald_a11y_name_drop_downs (GTK_WIDGET (self));

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->templates)))));
  g_object_unref (gtk_list_view_get_model (self->list_view));
}

/**
 * herald_templates_view_get_store:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the store the view shows.
 */
HeraldStore *
herald_templates_view_get_store (HeraldTemplatesView *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATES_VIEW (self), NULL);

  return self->store;
}

/**
 * herald_templates_view_set_store:
 * @self: the view
 * @store: (nullable): the store to show
 *
 * Sets the store the view reads from and acts on.
 */
void
herald_templates_view_set_store (HeraldTemplatesView *self,
                                 HeraldStore         *store)
{
  g_return_if_fail (HERALD_IS_TEMPLATES_VIEW (self));
  g_return_if_fail (store == NULL || HERALD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      if (self->editor != NULL)
        herald_template_editor_set_store (self->editor, store);
      reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

/**
 * herald_templates_view_reload:
 * @self: the view
 *
 * Reads the templates and their use by campaigns again.
 */
void
herald_templates_view_reload (HeraldTemplatesView *self)
{
  g_return_if_fail (HERALD_IS_TEMPLATES_VIEW (self));

  reload (self);
}

/**
 * herald_templates_view_edit_template:
 * @self: the view
 * @id: (nullable): a template id, %NULL or "" for a new template
 *
 * Opens the editor on a template.
 */
void
herald_templates_view_edit_template (HeraldTemplatesView *self,
                                     const char          *id)
{
  g_autoptr(HeraldTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HERALD_IS_TEMPLATES_VIEW (self));

  if (id != NULL && *id != '\0')
    {
      template = find_template (self, id, &error);
      if (template == NULL)
        {
          show_error (self, _("Could Not Open the Template"), error);
          return;
        }
    }
  open_editor (self, template);
}

/**
 * herald_templates_view_delete_template:
 * @self: the view
 * @template: a stored template
 *
 * Deletes @template after asking, or explains why it cannot be deleted
 * while campaigns that are not finished use it.
 *
 * Returns: (transfer none): the question or the explanation.
 */
GtkWindow *
herald_templates_view_delete_template (HeraldTemplatesView *self,
                                       HeraldTemplate      *template)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;
  DeleteData *data;
  gint64 unfinished;

  g_return_val_if_fail (HERALD_IS_TEMPLATES_VIEW (self), NULL);
  g_return_val_if_fail (HERALD_IS_TEMPLATE (template), NULL);

  load_usage (self);
  unfinished = usage_count (self, herald_record_get_id (HERALD_RECORD (template)), TRUE);
  if (unfinished > 0)
    {
      count = herald_format_count (unfinished);
      heading = g_strdup_printf (_("“%s” Cannot Be Deleted"), herald_template_get_name (template));
      body = g_strdup_printf (ngettext ("%s campaign that is not finished uses this template. Choose another template for it or finish it first.",
                                        "%s campaigns that are not finished use this template. Choose another template for them or finish them first.",
                                        (gulong) unfinished),
                              count);
      return herald_dialogs_show_error (parent_window (self), heading, body);
    }

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->template = g_object_ref (template);
  heading = g_strdup_printf (_("Delete “%s”?"), herald_template_get_name (template));
  return herald_dialogs_confirm (parent_window (self), heading,
                                 _("Finished campaigns keep their statistics but lose the link to the template."),
                                 _("_Delete"), TRUE, delete_confirmed_cb, data);
}

/**
 * herald_templates_view_import_file:
 * @self: the view
 * @file: an HTML file
 * @error: where a read or save error goes
 *
 * Makes a new e-mail template of @file (its text part generated from the
 * HTML), saves it and opens it in the editor.
 *
 * Returns: whether the template was made.
 */
gboolean
herald_templates_view_import_file (HeraldTemplatesView *self,
                                   GFile               *file,
                                   GError             **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeraldTemplate) template = NULL;
  gsize length;
  char *dot;

  g_return_val_if_fail (HERALD_IS_TEMPLATES_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is not UTF-8 text."));
      return FALSE;
    }

  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  text = herald_html_to_text (contents, length, HERALD_HTML_TEXT_WRAP);

  template = herald_template_new ();
  herald_template_set_name (template, basename);
  herald_template_set_template_type (template, HERALD_TEMPLATE_TYPE_EMAIL);
  herald_template_set_body_html (template, contents);
  herald_template_set_body_text (template, text);
  if (!herald_store_save (self->store, HERALD_RECORD (template), error))
    return FALSE;

  reload (self);
  open_editor (self, template);
  return TRUE;
}

/**
 * herald_templates_view_export_file:
 * @template: a template
 * @file: where the HTML part goes, such as `Sale.html`
 * @error: where a write error goes
 *
 * Writes the HTML part to @file and the text part beside it, with the
 * extension replaced by `.txt`.
 *
 * Returns: whether both were written.
 */
gboolean
herald_templates_view_export_file (HeraldTemplate *template,
                                   GFile          *file,
                                   GError        **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) text_file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text_name = NULL;
  const char *html = herald_template_get_body_html (template);
  const char *text = herald_template_get_body_text (template);
  char *dot;

  g_return_val_if_fail (HERALD_IS_TEMPLATE (template), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  html = html != NULL ? html : "";
  text = text != NULL ? text : "";
  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  text_name = g_strconcat (basename, ".txt", NULL);
  parent = g_file_get_parent (file);
  text_file = g_file_get_child (parent, text_name);

  return g_file_replace_contents (file, html, strlen (html), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error)
    && g_file_replace_contents (text_file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * herald_templates_view_get_editor:
 * @self: the view
 *
 * Returns: (transfer none): the view's template editor (built on the
 *   first call if no template was opened yet).
 */
HeraldTemplateEditor *
herald_templates_view_get_editor (HeraldTemplatesView *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATES_VIEW (self), NULL);

  return ensure_editor (self);
}

/**
 * herald_templates_view_get_n_shown:
 * @self: the view
 *
 * Returns: the number of templates the list shows.
 */
guint
herald_templates_view_get_n_shown (HeraldTemplatesView *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATES_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->templates));
}
