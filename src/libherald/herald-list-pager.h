/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-list-pager.h: the engine under the paging list models: counts,
 * keyset pages with an LRU cache, and the positions of changed records. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "herald-store.h"

G_BEGIN_DECLS

typedef struct _HeraldListPager HeraldListPager;

/* Binds the parameters of the pager's WHERE condition from @first_index;
 * returns the next index. */
typedef int (*HeraldListPagerBind) (sqlite3_stmt *stmt,
                                    int           first_index,
                                    gpointer      user_data);

HeraldListPager *herald_list_pager_new          (HeraldStore         *store,
                                                 GType                type,
                                                 const char          *table);
void             herald_list_pager_free         (HeraldListPager     *self);
/* Sets the selection; the caller emits items-changed for the reload.
 * @where uses anonymous '?' parameters bound by @bind.  @search (nullable)
 * is an FTS5 query over the table's `<table>_fts` index that rows must also
 * match; the pager adds that condition and binds it after @bind's.
 * @count_sql (nullable) is a cheaper equivalent of counting the selection,
 * bound the same way. */
void             herald_list_pager_set_query    (HeraldListPager     *self,
                                                 const char          *count_sql,
                                                 const char          *where,
                                                 const char          *key,
                                                 gboolean             descending,
                                                 const char          *search,
                                                 HeraldListPagerBind  bind,
                                                 gpointer             bind_data);
guint            herald_list_pager_get_n_items  (HeraldListPager     *self);
gpointer         herald_list_pager_get_item     (HeraldListPager     *self,
                                                 guint                position);
/* Recounts and drops the cache; returns the old count. */
guint            herald_list_pager_reload       (HeraldListPager     *self);
/* Applies one stored change; returns how to tell the list's users. */
typedef struct {
  int removed_at;   /* -1: none */
  int added_at;     /* -1: none */
} HeraldListPagerChange;
HeraldListPagerChange herald_list_pager_apply   (HeraldListPager     *self,
                                                 HeraldRecord        *old_record,
                                                 HeraldRecord        *new_record);
guint            herald_list_pager_get_n_cached_pages (HeraldListPager *self);
gboolean         herald_list_pager_emit_change  (GListModel          *model,
                                                 HeraldListPager     *pager,
                                                 HeraldListPagerChange change);
gboolean         herald_list_pager_emit_reload  (GListModel          *model,
                                                 guint                old_n_items,
                                                 guint                n_items);

#define HERALD_LIST_PAGE_SIZE 128
#define HERALD_LIST_MAX_PAGES 64

G_END_DECLS
