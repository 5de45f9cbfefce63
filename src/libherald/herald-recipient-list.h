/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-recipient-list.h: a GListModel of the HeraldRecipient rows of one
 * campaign, paging from the store; opens in constant work however many
 * recipients there are. */
#pragma once

#include <gio/gio.h>

#include "herald-store.h"

G_BEGIN_DECLS

#define HERALD_TYPE_RECIPIENT_LIST (herald_recipient_list_get_type ())
G_DECLARE_FINAL_TYPE (HeraldRecipientList, herald_recipient_list, HERALD, RECIPIENT_LIST, GObject)

HeraldRecipientList *herald_recipient_list_new             (HeraldStore         *store,
                                                            const char          *campaign_id);
HeraldStore         *herald_recipient_list_get_store       (HeraldRecipientList *self);
const char          *herald_recipient_list_get_campaign_id (HeraldRecipientList *self);
/* -1 for any status. */
void                 herald_recipient_list_set_status      (HeraldRecipientList *self,
                                                            int                  status);
int                  herald_recipient_list_get_status      (HeraldRecipientList *self);
void                 herald_recipient_list_set_search      (HeraldRecipientList *self,
                                                            const char          *address_text);
const char          *herald_recipient_list_get_search      (HeraldRecipientList *self);
void                 herald_recipient_list_set_sort        (HeraldRecipientList *self,
                                                            HeraldRecipientSort  sort);
HeraldRecipientSort  herald_recipient_list_get_sort        (HeraldRecipientList *self);

G_END_DECLS
