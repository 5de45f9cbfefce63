/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HERALD_TYPE_LINT_PANEL (herald_lint_panel_get_type ())

G_DECLARE_FINAL_TYPE (HeraldLintPanel, herald_lint_panel, HERALD, LINT_PANEL, GtkBox)

GtkWidget  *herald_lint_panel_new          (void);
void        herald_lint_panel_set_findings (HeraldLintPanel *self,
                                            GPtrArray       *findings);
guint       herald_lint_panel_get_n_rows   (HeraldLintPanel *self);
const char *herald_lint_panel_get_message  (HeraldLintPanel *self,
                                            guint            index);
void        herald_lint_panel_activate     (HeraldLintPanel *self,
                                            guint            index);

G_END_DECLS
