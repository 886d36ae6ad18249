-- Customers who asked not to receive proactive notices (a customer-level flag kept beside the customer).
create table customer_notice_opt_out (
    customer_id  uuid        primary key references customer_customer (id),
    opted_out_at timestamptz not null
);
