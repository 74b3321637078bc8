-- The tracker store's database beside BackChat's own (POSTGRES_DB=backchat).
CREATE DATABASE backchat_tracker OWNER backchat;
