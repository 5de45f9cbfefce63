/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-store.h: the local SQLite store of every entity, with the outbox
 * that sync drains.  GTK-free.
 *
 * Threads: a HeraldStore belongs to the thread (main context) that opened
 * it; its signals are emitted there.  Reads use a connection of their own,
 * writes go through a second connection (synchronous=FULL) guarded by a
 * mutex, so the _async variants run the write in a GTask worker thread and
 * keep the UI thread free; their signals still arrive on the store's
 * context.
 *
 * Signals (on the store's context, after the commit):
 *   "record-changed" (HeraldRecord *old, HeraldRecord *new): one record was
 *     created (old NULL), changed, or deleted (new NULL); copies, not the
 *     caller's objects.
 *   "table-reset" (const char *table): many rows of @table changed at once
 *     (save_many, demo data); lists over it reload. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "herald-campaign.h"
#include "herald-campaign-query.h"
#include "herald-contact.h"
#include "herald-event.h"
#include "herald-performance-day.h"
#include "herald-recipient.h"
#include "herald-record.h"
#include "herald-segment.h"
#include "herald-template.h"
#include "herald-variant.h"

G_BEGIN_DECLS

#define HERALD_STORE_ERROR (herald_store_error_quark ())

/**
 * HeraldStoreError:
 * @HERALD_STORE_ERROR_CORRUPT: the file is not a Herald database or is damaged
 * @HERALD_STORE_ERROR_NEWER_SCHEMA: the file was written by a newer Herald
 * @HERALD_STORE_ERROR_LOCKED: another program holds the file locked
 * @HERALD_STORE_ERROR_NOT_FOUND: no record with that id
 * @HERALD_STORE_ERROR_FAILED: any other SQLite failure
 * @HERALD_STORE_ERROR_CHANGED: an undo point can no longer be restored:
 *   the record changed again, or sync has already tried to push the change
 */
typedef enum {
  HERALD_STORE_ERROR_CORRUPT,
  HERALD_STORE_ERROR_NEWER_SCHEMA,
  HERALD_STORE_ERROR_LOCKED,
  HERALD_STORE_ERROR_NOT_FOUND,
  HERALD_STORE_ERROR_FAILED,
  HERALD_STORE_ERROR_CHANGED,
} HeraldStoreError;

/**
 * HeraldStoreOrigin:
 * @HERALD_STORE_ORIGIN_LOCAL: a person's edit: bumps the version, marks the
 *   row created/modified/deleted and appends to the outbox
 * @HERALD_STORE_ORIGIN_REMOTE: a record as the server has it (sync pull,
 *   bulk import): stored as synced, no outbox row
 */
typedef enum {
  HERALD_STORE_ORIGIN_LOCAL,
  HERALD_STORE_ORIGIN_REMOTE,
} HeraldStoreOrigin;

/**
 * HeraldOutboxEntry:
 * @seq: the order of the change
 * @entity: "campaign", "template", ...
 * @entity_id: the record's UUID
 * @op: "create", "update", "delete" or a command ("schedule", "unschedule",
 *   "start", "pause", "resume", "complete", "cancel")
 * @patch: JSON object of the changed fields (all fields for "create")
 * @base_version: the server version the change was made against, or %NULL
 * @idempotency_key: a UUID that stays the same across retries
 * @attempts: how often sync tried to push it
 * @next_attempt_at: (nullable): when to try again
 * @state: "pending" or "failed"
 * @last_error: (nullable): the server's message after a failure
 */
typedef struct {
  gint64     seq;
  char      *entity;
  char      *entity_id;
  char      *op;
  char      *patch;
  char      *base_version;
  char      *idempotency_key;
  int        attempts;
  GDateTime *next_attempt_at;
  char      *state;
  char      *last_error;
} HeraldOutboxEntry;

void herald_outbox_entry_free (HeraldOutboxEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldOutboxEntry, herald_outbox_entry_free)

#define HERALD_TYPE_STORE (herald_store_get_type ())
G_DECLARE_FINAL_TYPE (HeraldStore, herald_store, HERALD, STORE, GObject)

GQuark        herald_store_error_quark          (void);

/* Opening */
char         *herald_store_get_default_path     (void);
HeraldStore  *herald_store_open                 (const char         *path,
                                                 GError            **error);
const char   *herald_store_get_path             (HeraldStore        *self);
int           herald_store_get_schema_version   (HeraldStore        *self);
int           herald_store_get_latest_schema_version (void);
gboolean      herald_store_is_empty             (HeraldStore        *self);

/* Writing.  herald_store_save() inserts or updates; a local save validates
 * the record (HERALD_MODEL_ERROR), enforces the campaign's lifecycle and
 * frozen fields, sets updated_at and version, and appends to the outbox in
 * the same transaction.  save_many writes all records in one transaction. */
gboolean      herald_store_save                 (HeraldStore        *self,
                                                 HeraldRecord       *record,
                                                 GError            **error);
gboolean      herald_store_save_full            (HeraldStore        *self,
                                                 HeraldRecord       *record,
                                                 HeraldStoreOrigin   origin,
                                                 GError            **error);
gboolean      herald_store_save_many            (HeraldStore        *self,
                                                 GPtrArray          *records,
                                                 HeraldStoreOrigin   origin,
                                                 GError            **error);
gboolean      herald_store_delete               (HeraldStore        *self,
                                                 HeraldRecord       *record,
                                                 GError            **error);
gboolean      herald_store_queue_command        (HeraldStore        *self,
                                                 HeraldRecord       *record,
                                                 const char         *command,
                                                 JsonObject         *arguments,
                                                 GError            **error);
/* An A/B test's winner marked (is_winner) and "send_winner" queued, in one
 * transaction. */
gboolean      herald_store_choose_winner        (HeraldStore        *self,
                                                 HeraldCampaign     *campaign,
                                                 HeraldVariant      *winner,
                                                 GError            **error);
gboolean      herald_store_transition_campaign  (HeraldStore        *self,
                                                 HeraldCampaign     *campaign,
                                                 HeraldCampaignStatus to,
                                                 GError            **error);

void          herald_store_save_async           (HeraldStore        *self,
                                                 HeraldRecord       *record,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean      herald_store_save_finish          (HeraldStore        *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);
void          herald_store_save_many_async      (HeraldStore        *self,
                                                 GPtrArray          *records,
                                                 HeraldStoreOrigin   origin,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean      herald_store_save_many_finish     (HeraldStore        *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);
void          herald_store_delete_async         (HeraldStore        *self,
                                                 HeraldRecord       *record,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean      herald_store_delete_finish        (HeraldStore        *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

/* Reading one record by id (HERALD_STORE_ERROR_NOT_FOUND when absent). */
HeraldRecord        *herald_store_load             (HeraldStore  *self,
                                                    GType         type,
                                                    const char   *id,
                                                    GError      **error);
HeraldCampaign      *herald_store_get_campaign     (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldTemplate      *herald_store_get_template     (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldRecipient     *herald_store_get_recipient    (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldEvent         *herald_store_get_event        (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldVariant       *herald_store_get_variant      (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldPerformanceDay *herald_store_get_performance_day (HeraldStore *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldContact       *herald_store_get_contact      (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);
HeraldSegment       *herald_store_get_segment      (HeraldStore  *self,
                                                    const char   *id,
                                                    GError      **error);

/* Queries.  Every list is a GPtrArray of new references (element type as
 * named); paging is keyset: pass the last item of the previous page as
 * @after (NULL for the first page), never an offset. */
GPtrArray    *herald_store_list_campaigns       (HeraldStore         *self,
                                                 HeraldCampaignQuery *query,
                                                 HeraldCampaign      *after,
                                                 guint                limit,
                                                 GError             **error);
gint64        herald_store_count_campaigns      (HeraldStore         *self,
                                                 HeraldCampaignQuery *query,
                                                 GError             **error);
GPtrArray    *herald_store_search_campaigns     (HeraldStore         *self,
                                                 const char          *text,
                                                 guint                limit,
                                                 GError             **error);
GPtrArray    *herald_store_list_templates       (HeraldStore         *self,
                                                 int                  type,
                                                 const char          *search,
                                                 GError             **error);
GPtrArray    *herald_store_search_templates     (HeraldStore         *self,
                                                 const char          *text,
                                                 guint                limit,
                                                 GError             **error);
GPtrArray    *herald_store_list_segments        (HeraldStore         *self,
                                                 GError             **error);
GPtrArray    *herald_store_list_contacts        (HeraldStore         *self,
                                                 const char          *search,
                                                 HeraldContact       *after,
                                                 guint                limit,
                                                 GError             **error);
/* @status -1 for any; @address_search matches anywhere in the address. */
GPtrArray    *herald_store_list_recipients      (HeraldStore         *self,
                                                 const char          *campaign_id,
                                                 int                  status,
                                                 const char          *address_search,
                                                 HeraldRecipient     *after,
                                                 guint                limit,
                                                 GError             **error);
gint64        herald_store_count_recipients     (HeraldStore         *self,
                                                 const char          *campaign_id,
                                                 int                  status,
                                                 const char          *address_search,
                                                 GError             **error);
/* @counts receives one count per HeraldRecipientStatus (5 entries). */
gboolean      herald_store_count_recipients_by_status (HeraldStore   *self,
                                                 const char          *campaign_id,
                                                 gint64              *counts,
                                                 GError             **error);
/* Newest first; @event_type -1 for any; @since/@until (nullable) bound the
 * timestamp (since inclusive, until exclusive). */
GPtrArray    *herald_store_list_events          (HeraldStore         *self,
                                                 const char          *campaign_id,
                                                 int                  event_type,
                                                 GDateTime           *since,
                                                 GDateTime           *until,
                                                 HeraldEvent         *after,
                                                 guint                limit,
                                                 GError             **error);
GPtrArray    *herald_store_list_variants        (HeraldStore         *self,
                                                 const char          *campaign_id,
                                                 GError             **error);
/* One HeraldPerformanceDay per day in [@from_date, @to_date] (YYYY-MM-DD,
 * nullable = open), oldest first.  With @campaign_id NULL the days are
 * summed across all campaigns (campaign-id of the results is NULL). */
GPtrArray    *herald_store_list_performance     (HeraldStore         *self,
                                                 const char          *campaign_id,
                                                 const char          *from_date,
                                                 const char          *to_date,
                                                 GError             **error);
/* The sum over the same selection as one HeraldPerformanceDay (date ""). */
HeraldPerformanceDay *herald_store_get_performance_totals (HeraldStore *self,
                                                 const char          *campaign_id,
                                                 const char          *from_date,
                                                 const char          *to_date,
                                                 GError             **error);

/* Outbox (drained by the sync engine). */
GPtrArray    *herald_store_list_outbox          (HeraldStore         *self,
                                                 guint                limit,
                                                 GError             **error);
gint64        herald_store_count_outbox         (HeraldStore         *self,
                                                 GError             **error);
gboolean      herald_store_remove_outbox_entry  (HeraldStore         *self,
                                                 gint64               seq,
                                                 GError             **error);
/* One failed push: attempts + 1; @next_attempt_at (nullable) for a retry,
 * @failed parks the entry as "failed" with @message for the user. */
gboolean      herald_store_mark_outbox_attempt  (HeraldStore         *self,
                                                 gint64               seq,
                                                 GDateTime           *next_attempt_at,
                                                 gboolean             failed,
                                                 const char          *message,
                                                 GError             **error);

/* Undo of one local change of a record: the point is taken before the
 * change; restoring it puts the record back as it was stored and takes
 * what the change added to the outbox back out, in one transaction, or
 * fails with HERALD_STORE_ERROR_CHANGED when that is no longer possible
 * (the record changed again, or sync already tried to push the change). */
typedef struct _HeraldStoreUndoPoint HeraldStoreUndoPoint;

HeraldStoreUndoPoint *herald_store_undo_point_new (HeraldStore          *self,
                                                 HeraldRecord         *record,
                                                 GError              **error);
gboolean      herald_store_undo_point_restore   (HeraldStore          *self,
                                                 HeraldStoreUndoPoint *point,
                                                 GError              **error);
void          herald_store_undo_point_free      (HeraldStoreUndoPoint *point);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldStoreUndoPoint, herald_store_undo_point_free)

/* Small settings of the store, such as sync cursors. */
char         *herald_store_get_meta             (HeraldStore         *self,
                                                 const char          *key,
                                                 GError             **error);
gboolean      herald_store_set_meta             (HeraldStore         *self,
                                                 const char          *key,
                                                 const char          *value,
                                                 GError             **error);
/* A page pulled from the server: its records (as synced) and the new
 * cursor, in one transaction. */
gboolean      herald_store_save_page            (HeraldStore         *self,
                                                 GPtrArray           *records,
                                                 const char          *cursor_key,
                                                 const char          *cursor_value,
                                                 GError             **error);

/* Low-level access for the list models and the sync engine: the read
 * connection (sqlite3 *), valid on the store's thread only. */
gpointer      herald_store_get_read_handle      (HeraldStore         *self);

G_END_DECLS
