-- Keycloak's own database beside Panier's, in the PostgreSQL of docker-compose.yml (first start only).
create database keycloak owner panier;
