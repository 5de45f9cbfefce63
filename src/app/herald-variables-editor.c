/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-variables-editor.c: the table of a template's variables (name,
 * default, description), read from and written to its variables JSON.
 *
 * Both shapes of docs/templates.md are read; the table is written as the
 * object shape (the store validates variables as a JSON object), one
 * member per row in the rows' order, each an object with the optional
 * `default` and `description`. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "herald-variables-editor.h"

struct _HeraldVariablesEditor
{
  GtkBox      parent_instance;

  GtkListBox *list;
  gboolean    loading;
};

G_DEFINE_FINAL_TYPE (HeraldVariablesEditor, herald_variables_editor, GTK_TYPE_BOX)

enum {
  CHANGED,
  INSERT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
row_entry (GtkWidget *row,
           const char *key)
{
  return g_object_get_data (G_OBJECT (row), key);
}

static void
emit_changed (HeraldVariablesEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
entry_changed_cb (GtkEditable           *editable,
                  HeraldVariablesEditor *self)
{
  emit_changed (self);
}

static void
remove_clicked_cb (GtkButton             *button,
                   HeraldVariablesEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  gtk_list_box_remove (self->list, row);
  emit_changed (self);
}

static void
insert_clicked_cb (GtkButton             *button,
                   HeraldVariablesEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  const char *name = gtk_editable_get_text (row_entry (row, "name"));

  if (*name != '\0')
    g_signal_emit (self, signals[INSERT], 0, name);
}

static GtkWidget *
make_entry (GtkWidget  *row,
            GtkWidget  *box,
            const char *key,
            const char *placeholder,
            const char *text,
            HeraldVariablesEditor *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  g_object_set_data (G_OBJECT (row), key, entry);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

/**
 * herald_variables_editor_add:
 * @self: the editor
 * @name: (nullable): the variable's name
 * @default_value: (nullable): its default
 * @description: (nullable): what it is for
 *
 * Appends a row to the table.
 */
void
herald_variables_editor_add (HeraldVariablesEditor *self,
                             const char            *name,
                             const char            *default_value,
                             const char            *description)
{
  GtkWidget *row, *box, *button;

  g_return_if_fail (HERALD_IS_VARIABLES_EDITOR (self));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  make_entry (row, box, "name", _("Name"), name, self);
  make_entry (row, box, "default", _("Default"), default_value, self);
  make_entry (row, box, "description", _("Description"), description, self);

  button = gtk_button_new_from_icon_name ("insert-text-symbolic");
  gtk_widget_set_tooltip_text (button, _("Insert at Cursor"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Insert at Cursor"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect_object (button, "clicked", G_CALLBACK (insert_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Remove Variable"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Variable"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->list, row);
  emit_changed (self);
}

static void
add_clicked_cb (GtkButton             *button,
                HeraldVariablesEditor *self)
{
  GtkWidget *row;

  herald_variables_editor_add (self, NULL, NULL, NULL);
  row = gtk_widget_get_last_child (GTK_WIDGET (self->list));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row_entry (row, "name")));
}

static void
clear (HeraldVariablesEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/**
 * herald_variables_editor_set_json:
 * @self: the editor
 * @json: (nullable): a variables JSON in either shape of docs/templates.md
 * @error: where a JSON error goes
 *
 * Replaces the table with the variables of @json (empty for %NULL or "").
 *
 * Returns: %FALSE (and an empty table) if @json is not an object or array.
 */
gboolean
herald_variables_editor_set_json (HeraldVariablesEditor *self,
                                  const char            *json,
                                  GError               **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  g_return_val_if_fail (HERALD_IS_VARIABLES_EDITOR (self), FALSE);

  self->loading = TRUE;
  clear (self);
  if (json == NULL || *json == '\0')
    {
      self->loading = FALSE;
      return TRUE;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    {
      self->loading = FALSE;
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_OBJECT (node))
            herald_variables_editor_add (self, l->data,
                                         member_string (json_node_get_object (node), "default"),
                                         member_string (json_node_get_object (node), "description"));
          else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            herald_variables_editor_add (self, l->data, json_node_get_string (node), NULL);
          else
            herald_variables_editor_add (self, l->data, NULL, NULL);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *object;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          if (member_string (object, "name") == NULL)
            continue;
          herald_variables_editor_add (self, member_string (object, "name"),
                                       member_string (object, "default"),
                                       member_string (object, "description"));
        }
    }
  else
    {
      self->loading = FALSE;
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("The variables are neither a JSON object nor an array."));
      return FALSE;
    }
  self->loading = FALSE;

  return TRUE;
}

/**
 * herald_variables_editor_dup_json:
 * @self: the editor
 *
 * Returns: (transfer full): the table as a JSON object from name to an
 *   object with `default` and `description` (empty members left out; rows
 *   without a name skipped; "{}" for an empty table).
 */
char *
herald_variables_editor_dup_json (HeraldVariablesEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (HERALD_IS_VARIABLES_EDITOR (self), NULL);

  json_builder_begin_object (builder);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (row_entry (row, "name"))));
      const char *default_value = gtk_editable_get_text (row_entry (row, "default"));
      const char *description = gtk_editable_get_text (row_entry (row, "description"));

      if (*name == '\0')
        continue;
      json_builder_set_member_name (builder, name);
      json_builder_begin_object (builder);
      if (*default_value != '\0')
        {
          json_builder_set_member_name (builder, "default");
          json_builder_add_string_value (builder, default_value);
        }
      if (*description != '\0')
        {
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, description);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * herald_variables_editor_dup_names:
 * @self: the editor
 *
 * Returns: (transfer full): the names in the table, in order.
 */
GStrv
herald_variables_editor_dup_names (HeraldVariablesEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (HERALD_IS_VARIABLES_EDITOR (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (row_entry (row, "name"))));

      if (*name != '\0')
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/**
 * herald_variables_editor_get_n_variables:
 * @self: the editor
 *
 * Returns: the number of rows, named or not.
 */
guint
herald_variables_editor_get_n_variables (HeraldVariablesEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (HERALD_IS_VARIABLES_EDITOR (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static void
herald_variables_editor_class_init (HeraldVariablesEditorClass *klass)
{
  /**
   * HeraldVariablesEditor::changed:
   *
   * The user changed, added or removed a variable.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HeraldVariablesEditor::insert:
   * @name: the variable's name
   *
   * The user asked to insert the variable at the cursor.
   */
  signals[INSERT] = g_signal_new ("insert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
herald_variables_editor_init (HeraldVariablesEditor *self)
{
  GtkWidget *button;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  button = gtk_button_new_with_mnemonic (_("_Add Variable"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (self), button);
}

/**
 * herald_variables_editor_new:
 *
 * Returns: a new, empty variables table.
 */
GtkWidget *
herald_variables_editor_new (void)
{
  return g_object_new (HERALD_TYPE_VARIABLES_EDITOR, NULL);
}
