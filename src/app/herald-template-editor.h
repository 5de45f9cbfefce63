/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "herald.h"
#include "herald-lint-panel.h"
#include "herald-template-preview.h"
#include "herald-variable-completion.h"
#include "herald-variables-editor.h"

G_BEGIN_DECLS

#define HERALD_TYPE_TEMPLATE_EDITOR (herald_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeraldTemplateEditor, herald_template_editor, HERALD, TEMPLATE_EDITOR, AdwBin)

/* Milliseconds after the last change before the preview is refreshed:
 * short, so that the preview follows typing within 100 ms (DESIGN.md);
 * the preview coalesces what comes while it is loading. */
#define HERALD_TEMPLATE_EDITOR_REFRESH_DELAY 50

/* Store meta key (followed by the template's id) of "remote content is
 * allowed in the preview of this template": "1" or "0". */
#define HERALD_TEMPLATE_EDITOR_REMOTE_CONTENT_KEY "template-remote-content:"

GtkWidget             *herald_template_editor_new               (void);
void                   herald_template_editor_set_store         (HeraldTemplateEditor *self,
                                                                 HeraldStore          *store);
void                   herald_template_editor_load              (HeraldTemplateEditor *self,
                                                                 HeraldTemplate       *template);
HeraldTemplate        *herald_template_editor_get_template      (HeraldTemplateEditor *self);
gboolean               herald_template_editor_get_modified      (HeraldTemplateEditor *self);
gboolean               herald_template_editor_save              (HeraldTemplateEditor *self,
                                                                 GError              **error);
GtkWindow             *herald_template_editor_request_close     (HeraldTemplateEditor *self);
void                   herald_template_editor_refresh_now       (HeraldTemplateEditor *self);
void                   herald_template_editor_insert_variable   (HeraldTemplateEditor *self,
                                                                 const char           *name);
void                   herald_template_editor_set_sample_contact (HeraldTemplateEditor *self,
                                                                 guint                 index);

/* The parts, for tests and the benchmark. */
AdwEntryRow           *herald_template_editor_get_name_row      (HeraldTemplateEditor *self);
AdwComboRow           *herald_template_editor_get_type_row      (HeraldTemplateEditor *self);
AdwEntryRow           *herald_template_editor_get_subject_row   (HeraldTemplateEditor *self);
AdwEntryRow           *herald_template_editor_get_preheader_row (HeraldTemplateEditor *self);
GtkSourceBuffer       *herald_template_editor_get_html_buffer   (HeraldTemplateEditor *self);
GtkSourceBuffer       *herald_template_editor_get_text_buffer   (HeraldTemplateEditor *self);
HeraldVariablesEditor *herald_template_editor_get_variables_editor (HeraldTemplateEditor *self);
HeraldLintPanel       *herald_template_editor_get_lint_panel    (HeraldTemplateEditor *self);
HeraldTemplatePreview *herald_template_editor_get_preview       (HeraldTemplateEditor *self);
HeraldVariableCompletion *herald_template_editor_get_completion (HeraldTemplateEditor *self);
const char            *herald_template_editor_get_counter_text  (HeraldTemplateEditor *self);
guint                  herald_template_editor_count_unknown     (HeraldTemplateEditor *self);

G_END_DECLS
