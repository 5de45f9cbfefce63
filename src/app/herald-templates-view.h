/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"
#include "herald-template-editor.h"

G_BEGIN_DECLS

#define HERALD_TYPE_TEMPLATES_VIEW (herald_templates_view_get_type ())

G_DECLARE_FINAL_TYPE (HeraldTemplatesView, herald_templates_view, HERALD, TEMPLATES_VIEW, AdwBin)

HeraldStore          *herald_templates_view_get_store       (HeraldTemplatesView *self);
void                  herald_templates_view_set_store       (HeraldTemplatesView *self,
                                                             HeraldStore         *store);
void                  herald_templates_view_reload          (HeraldTemplatesView *self);
void                  herald_templates_view_edit_template   (HeraldTemplatesView *self,
                                                             const char          *id);
GtkWindow            *herald_templates_view_delete_template (HeraldTemplatesView *self,
                                                             HeraldTemplate      *template);
gboolean              herald_templates_view_import_file     (HeraldTemplatesView *self,
                                                             GFile               *file,
                                                             GError             **error);
gboolean              herald_templates_view_export_file     (HeraldTemplate      *template,
                                                             GFile               *file,
                                                             GError             **error);
HeraldTemplateEditor *herald_templates_view_get_editor      (HeraldTemplatesView *self);
guint                 herald_templates_view_get_n_shown     (HeraldTemplatesView *self);

G_END_DECLS
