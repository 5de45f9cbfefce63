/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define HERALD_TYPE_VARIABLE_COMPLETION (herald_variable_completion_get_type ())

G_DECLARE_FINAL_TYPE (HeraldVariableCompletion, herald_variable_completion, HERALD, VARIABLE_COMPLETION, GObject)

HeraldVariableCompletion *herald_variable_completion_new         (void);
void                      herald_variable_completion_set_names   (HeraldVariableCompletion *self,
                                                                  const char * const       *names,
                                                                  const char * const       *comments);
GStrv                     herald_variable_completion_dup_matches (HeraldVariableCompletion *self,
                                                                  GtkTextIter              *word_start,
                                                                  GtkTextIter              *word_end);

G_END_DECLS
