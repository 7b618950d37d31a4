-- One database per service; each service's Flyway creates its own schema on start.
CREATE DATABASE syncline_orders;
CREATE DATABASE syncline_inventory;
CREATE DATABASE syncline_gateway;
CREATE DATABASE syncline_conflicts;
