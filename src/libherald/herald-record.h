/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-record.h: the base class of every stored entity: id, timestamps,
 * local version and the offline-sync bookkeeping. */
#pragma once

#include <glib-object.h>

#include "herald-enums.h"

G_BEGIN_DECLS

#define HERALD_TYPE_RECORD (herald_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (HeraldRecord, herald_record, HERALD, RECORD, GObject)

struct _HeraldRecordClass
{
  GObjectClass parent_class;

  /* Set by each subclass in class_init; the store maps every property of
   * the subclass to the column of the same name ('-' becomes '_'). */
  const char *table_name;   /* "campaigns" */
  const char *entity_name;  /* "campaign", as in the outbox */

  gpointer padding[8];
};

const char      *herald_record_get_id             (HeraldRecord    *self);
void             herald_record_set_id             (HeraldRecord    *self,
                                                   const char      *id);
GDateTime       *herald_record_get_created_at     (HeraldRecord    *self);
void             herald_record_set_created_at     (HeraldRecord    *self,
                                                   GDateTime       *created_at);
GDateTime       *herald_record_get_updated_at     (HeraldRecord    *self);
void             herald_record_set_updated_at     (HeraldRecord    *self,
                                                   GDateTime       *updated_at);
gint64           herald_record_get_version        (HeraldRecord    *self);
void             herald_record_set_version        (HeraldRecord    *self,
                                                   gint64           version);
HeraldSyncState  herald_record_get_sync_state     (HeraldRecord    *self);
void             herald_record_set_sync_state     (HeraldRecord    *self,
                                                   HeraldSyncState  sync_state);
const char      *herald_record_get_server_version (HeraldRecord    *self);
void             herald_record_set_server_version (HeraldRecord    *self,
                                                   const char      *server_version);
const char      *herald_record_get_base           (HeraldRecord    *self);
void             herald_record_set_base           (HeraldRecord    *self,
                                                   const char      *base);

const char      *herald_record_get_table_name     (HeraldRecord    *self);
const char      *herald_record_get_entity_name    (HeraldRecord    *self);
HeraldRecord    *herald_record_copy               (HeraldRecord    *self);
gboolean         herald_record_equal              (HeraldRecord    *a,
                                                   HeraldRecord    *b);
char            *herald_record_to_json            (HeraldRecord    *self);

G_END_DECLS
