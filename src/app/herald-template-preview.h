/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define HERALD_TYPE_TEMPLATE_PREVIEW (herald_template_preview_get_type ())

G_DECLARE_FINAL_TYPE (HeraldTemplatePreview, herald_template_preview, HERALD, TEMPLATE_PREVIEW, AdwBin)

GtkWidget     *herald_template_preview_new                (void);
void           herald_template_preview_set_html           (HeraldTemplatePreview *self,
                                                           const char            *html);
char          *herald_template_preview_build_document     (HeraldTemplatePreview *self,
                                                           const char            *html);
gboolean       herald_template_preview_get_mobile         (HeraldTemplatePreview *self);
void           herald_template_preview_set_mobile         (HeraldTemplatePreview *self,
                                                           gboolean               mobile);
gboolean       herald_template_preview_get_dark           (HeraldTemplatePreview *self);
void           herald_template_preview_set_dark           (HeraldTemplatePreview *self,
                                                           gboolean               dark);
gboolean       herald_template_preview_get_show_images    (HeraldTemplatePreview *self);
void           herald_template_preview_set_show_images    (HeraldTemplatePreview *self,
                                                           gboolean               show_images);
gboolean       herald_template_preview_get_allow_remote   (HeraldTemplatePreview *self);
void           herald_template_preview_set_allow_remote   (HeraldTemplatePreview *self,
                                                           gboolean               allow_remote);
void           herald_template_preview_set_inbox          (HeraldTemplatePreview *self,
                                                           const char            *subject,
                                                           const char            *preheader);
const char    *herald_template_preview_get_inbox_subject  (HeraldTemplatePreview *self);
const char    *herald_template_preview_get_inbox_preheader (HeraldTemplatePreview *self);
WebKitWebView *herald_template_preview_get_web_view       (HeraldTemplatePreview *self);
guint          herald_template_preview_get_loads_finished (HeraldTemplatePreview *self);
guint          herald_template_preview_get_blocked        (HeraldTemplatePreview *self);
gboolean       herald_template_preview_get_busy           (HeraldTemplatePreview *self);
void           herald_template_preview_remember_scroll    (HeraldTemplatePreview *self);
void           herald_template_preview_expect_html        (HeraldTemplatePreview *self,
                                                           guint                  within_ms);

G_END_DECLS
