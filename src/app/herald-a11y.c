/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-a11y.c: accessibility fixes that GTK 4.8 widgets need. */

#include "config.h"

#include "herald-a11y.h"

/**
 * herald_a11y_name_drop_down:
 * @drop_down: a drop-down
 * @label: its accessible label
 *
 * Labels the drop-down and its inner button: GTK 4.8 leaves that button
 * without a name for screen readers.
 */
void
herald_a11y_name_drop_down (GtkDropDown *drop_down,
                            const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * herald_a11y_name_drop_downs:
 * @root: a widget tree, such as a view after gtk_widget_init_template()
 *
 * Names every drop-down below @root that has a tooltip after that
 * tooltip, inner button included (see herald_a11y_name_drop_down()).
 */
void
herald_a11y_name_drop_downs (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      if (tooltip != NULL)
        herald_a11y_name_drop_down (GTK_DROP_DOWN (root), tooltip);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    herald_a11y_name_drop_downs (child);
}
