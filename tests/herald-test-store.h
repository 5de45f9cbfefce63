/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-test-store.h: temporary store files and filled-in records for the
 * store tests. */
#pragma once

#include "herald.h"

G_BEGIN_DECLS

char         *herald_test_store_dir_new    (void);
void          herald_test_store_dir_remove (const char   *dir);
HeraldRecord *herald_test_record_filled    (GType         type,
                                            const char   *campaign_id,
                                            const char   *segment_id,
                                            const char   *template_id,
                                            const char   *contact_id,
                                            const char   *recipient_id);
void          herald_test_assert_not_defaults (HeraldRecord *record);

G_END_DECLS
