/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-query.h: the filters and the sort order of a campaign
 * list; immutable once handed to a list or the store (copy to change). */
#pragma once

#include <glib-object.h>

#include "herald-enums.h"

G_BEGIN_DECLS

#define HERALD_TYPE_CAMPAIGN_QUERY (herald_campaign_query_get_type ())

typedef struct _HeraldCampaignQuery HeraldCampaignQuery;

GType                herald_campaign_query_get_type          (void) G_GNUC_CONST;
HeraldCampaignQuery *herald_campaign_query_new               (void);
HeraldCampaignQuery *herald_campaign_query_copy              (HeraldCampaignQuery *self);
HeraldCampaignQuery *herald_campaign_query_ref               (HeraldCampaignQuery *self);
void                 herald_campaign_query_unref             (HeraldCampaignQuery *self);
gboolean             herald_campaign_query_equal             (HeraldCampaignQuery *a,
                                                              HeraldCampaignQuery *b);

/* -1 means any status / any type. */
void                 herald_campaign_query_set_status        (HeraldCampaignQuery *self,
                                                              int                  status);
int                  herald_campaign_query_get_status        (HeraldCampaignQuery *self);
void                 herald_campaign_query_set_campaign_type (HeraldCampaignQuery *self,
                                                              int                  type);
int                  herald_campaign_query_get_campaign_type (HeraldCampaignQuery *self);
/* Words typed by a person; matched as prefixes over name, description,
 * preheader and sender (FTS5).  NULL or "" for no text filter. */
void                 herald_campaign_query_set_search        (HeraldCampaignQuery *self,
                                                              const char          *text);
const char          *herald_campaign_query_get_search        (HeraldCampaignQuery *self);
void                 herald_campaign_query_set_updated_since (HeraldCampaignQuery *self,
                                                              GDateTime           *since);
GDateTime           *herald_campaign_query_get_updated_since (HeraldCampaignQuery *self);
void                 herald_campaign_query_set_sort          (HeraldCampaignQuery *self,
                                                              HeraldCampaignSort   sort,
                                                              gboolean             descending);
HeraldCampaignSort   herald_campaign_query_get_sort          (HeraldCampaignQuery *self);
gboolean             herald_campaign_query_get_descending    (HeraldCampaignQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldCampaignQuery, herald_campaign_query_unref)

G_END_DECLS
