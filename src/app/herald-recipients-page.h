/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_RECIPIENTS_PAGE (herald_recipients_page_get_type ())

G_DECLARE_FINAL_TYPE (HeraldRecipientsPage, herald_recipients_page, HERALD, RECIPIENTS_PAGE, AdwBin)

void           herald_recipients_page_set_store       (HeraldRecipientsPage *self,
                                                       HeraldStore          *store);
void           herald_recipients_page_set_campaign_id (HeraldRecipientsPage *self,
                                                       const char           *campaign_id);
void           herald_recipients_page_set_compact     (HeraldRecipientsPage *self,
                                                       gboolean              compact);
GListModel    *herald_recipients_page_get_model       (HeraldRecipientsPage *self);
GtkColumnView *herald_recipients_page_get_column_view (HeraldRecipientsPage *self);
GtkEditable   *herald_recipients_page_get_search      (HeraldRecipientsPage *self);
GtkDropDown   *herald_recipients_page_get_status      (HeraldRecipientsPage *self);
GtkListBox    *herald_recipients_page_get_timeline    (HeraldRecipientsPage *self);
void           herald_recipients_page_export_async    (HeraldRecipientsPage *self,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gint64         herald_recipients_page_export_finish   (HeraldRecipientsPage *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
