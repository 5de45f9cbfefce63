/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HERALD_TYPE_VARIABLES_EDITOR (herald_variables_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeraldVariablesEditor, herald_variables_editor, HERALD, VARIABLES_EDITOR, GtkBox)

GtkWidget *herald_variables_editor_new      (void);
gboolean   herald_variables_editor_set_json (HeraldVariablesEditor *self,
                                             const char            *json,
                                             GError               **error);
char      *herald_variables_editor_dup_json (HeraldVariablesEditor *self);
GStrv      herald_variables_editor_dup_names (HeraldVariablesEditor *self);
void       herald_variables_editor_add      (HeraldVariablesEditor *self,
                                             const char            *name,
                                             const char            *default_value,
                                             const char            *description);
guint      herald_variables_editor_get_n_variables (HeraldVariablesEditor *self);

G_END_DECLS
