package fr.barometer.generator;

/** The registration mistakes the registry files carry, one or two rows each. */
enum RegistryFault {
  /** structures.csv: a subtype typed where the category goes. */
  UNKNOWN_CATEGORY,
  /** structures.csv and sites.csv: an INSEE code that lost its leading zero in a spreadsheet. */
  NOT_A_COMMUNE,
  /** structures.csv: a structure registered twice with different details. */
  DUPLICATE_STRUCTURE_ID,
  /** sites.csv: a structure declaring two main sites. */
  MAIN_SITE_CONFLICT,
  /** sites.csv: a site whose structure is not registered. */
  SITE_OF_UNKNOWN_STRUCTURE,
  /** orders.csv: an order for a structure that is not registered. */
  ORDER_OF_UNKNOWN_STRUCTURE
}
