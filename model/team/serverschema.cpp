// SPDX-License-Identifier: MIT
#include "team/serverschema.h"

#include "team/pgconnection.h"

#include <iterator>

namespace Mesh::ServerSchema {

namespace {

// Migration 1: the catalog entities and the change log. Every row written to an entity table
// appends (table, key, upsert|delete) to change_log under the advisory "write lock" 7230113,
// held to commit: change numbers therefore become visible in increasing order, and a client that
// has seen change N needs exactly the rows with change_no > N. row_version counts a product's
// saved edits; it is bumped by a trigger, so no client can forge it (optimistic edits).
constexpr const char *kMigration1 = R"SQL(
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mesh_user') THEN
        CREATE ROLE mesh_user NOLOGIN;
    END IF;
END $$;
CREATE TABLE server_info(
    id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
    created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO server_info DEFAULT VALUES;
CREATE FUNCTION mesh_write_lock() RETURNS void LANGUAGE sql VOLATILE
    AS $f$ SELECT pg_advisory_xact_lock(7230113) $f$;
CREATE SEQUENCE change_no_seq;
CREATE TABLE change_log(
    change_no bigint PRIMARY KEY,
    table_name text NOT NULL,
    row_key text NOT NULL,
    op text NOT NULL CHECK (op IN ('upsert', 'delete')),
    at timestamptz NOT NULL DEFAULT now());
CREATE INDEX change_log_row ON change_log(table_name, row_key);
CREATE FUNCTION mesh_log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $f$
DECLARE
    k text;
BEGIN
    PERFORM pg_advisory_xact_lock(7230113);
    IF TG_OP = 'DELETE' THEN
        k := to_jsonb(OLD) ->> TG_ARGV[0];
    ELSE
        k := to_jsonb(NEW) ->> TG_ARGV[0];
    END IF;
    INSERT INTO change_log(change_no, table_name, row_key, op)
    VALUES (nextval('change_no_seq'), TG_TABLE_NAME, k,
            CASE TG_OP WHEN 'DELETE' THEN 'delete' ELSE 'upsert' END);
    RETURN NULL;
END $f$;
CREATE TABLE domains(
    name text PRIMARY KEY,
    description text NOT NULL DEFAULT '',
    color text NOT NULL DEFAULT '');
CREATE TABLE users(
    id text PRIMARY KEY,
    display_name text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    roles text[] NOT NULL DEFAULT '{}',
    domain text NOT NULL DEFAULT '');
CREATE TABLE products(
    key text PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    domain text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    owner_id text NOT NULL DEFAULT '',
    steward_id text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'active',
    tags text[] NOT NULL DEFAULT '{}',
    source_system text NOT NULL DEFAULT '',
    formats text[] NOT NULL DEFAULT '{}',
    access_policy text NOT NULL DEFAULT '',
    freshness_sla_hours integer NOT NULL DEFAULT 0,
    version text NOT NULL DEFAULT '',
    updated_at timestamptz,
    datasets jsonb NOT NULL DEFAULT '[]',
    row_version integer NOT NULL DEFAULT 1);
CREATE INDEX products_owner ON products(owner_id);
CREATE INDEX products_domain ON products(domain);
CREATE TABLE lineage_edges(
    from_key text NOT NULL,
    to_key text NOT NULL,
    kind text NOT NULL DEFAULT 'transform',
    job_name text NOT NULL DEFAULT '',
    edge_key text GENERATED ALWAYS AS (from_key || '>' || to_key || '>' || job_name) STORED,
    PRIMARY KEY(from_key, to_key, job_name));
CREATE FUNCTION mesh_bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END $f$;
CREATE TRIGGER products_row_version BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION mesh_bump_row_version();
CREATE TRIGGER domains_changes AFTER INSERT OR UPDATE OR DELETE ON domains
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('name');
CREATE TRIGGER users_changes AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('id');
CREATE TRIGGER products_changes AFTER INSERT OR UPDATE OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('key');
CREATE TRIGGER lineage_edges_changes AFTER INSERT OR UPDATE OR DELETE ON lineage_edges
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('edge_key');
)SQL";

// Migration 2: the access, editing and governance records, the audit log, and row-level
// security. A person's database role is named exactly as their catalog user id and is a member
// of mesh_user; current_user is who they are. The rules mirror AccessPolicy::decide
// (model/access): approver = owner, steward, or a steward of the product's domain; editing =
// approver or admin; administering = owner or admin; alerts = approver, admin or council;
// policies = admin or council, or a domain's steward for that domain.
constexpr const char *kMigration2 = R"SQL(
CREATE FUNCTION mesh_has_role(role_name text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM users WHERE id = current_user::text AND role_name = ANY(roles))
$f$;
CREATE FUNCTION mesh_approver_of(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (
        SELECT 1 FROM products p
         WHERE p.key = pkey
           AND ((p.owner_id <> '' AND p.owner_id = current_user::text)
             OR (p.steward_id <> '' AND p.steward_id = current_user::text)
             OR (p.domain <> '' AND EXISTS (
                    SELECT 1 FROM users u
                     WHERE u.id = current_user::text AND u.domain = p.domain
                       AND 'steward' = ANY(u.roles)))))
$f$;
CREATE FUNCTION mesh_owner_of(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM products p
                    WHERE p.key = pkey AND p.owner_id <> '' AND p.owner_id = current_user::text)
$f$;
CREATE FUNCTION mesh_may_edit(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM products WHERE key = pkey)
       AND (mesh_approver_of(pkey) OR mesh_has_role('admin'))
$f$;
CREATE FUNCTION mesh_may_administer(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT mesh_owner_of(pkey)
        OR (EXISTS (SELECT 1 FROM products WHERE key = pkey) AND mesh_has_role('admin'))
$f$;
CREATE FUNCTION mesh_may_manage_alerts(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM products WHERE key = pkey)
       AND (mesh_approver_of(pkey) OR mesh_has_role('admin') OR mesh_has_role('council'))
$f$;
CREATE FUNCTION mesh_may_set_policy(policy_scope text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT mesh_has_role('admin') OR mesh_has_role('council')
        OR (policy_scope <> '' AND EXISTS (
               SELECT 1 FROM users u WHERE u.id = current_user::text
                  AND 'steward' = ANY(u.roles) AND u.domain = policy_scope))
$f$;
CREATE FUNCTION mesh_is_sensitive(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (
        SELECT 1 FROM products p
         WHERE p.key = pkey
           AND ('sensitive' = ANY(p.tags)
             OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.datasets) ds,
                                      jsonb_array_elements(coalesce(ds -> 'columns', '[]')) c
                         WHERE c ->> 'classification' = 'PII.Sensitive')))
$f$;

CREATE TABLE access_requests(
    id bigserial PRIMARY KEY,
    product_key text NOT NULL REFERENCES products(key),
    requester_id text NOT NULL DEFAULT current_user,
    columns text[] NOT NULL DEFAULT '{}',
    purpose text NOT NULL CHECK (btrim(purpose) <> ''),
    starts_at timestamptz NOT NULL DEFAULT now(),
    ends_at timestamptz NOT NULL,
    approvals_needed integer NOT NULL DEFAULT 1,
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'denied', 'withdrawn')),
    created_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz,
    decided_by text,
    reason text NOT NULL DEFAULT '',
    row_version integer NOT NULL DEFAULT 1,
    client_token text UNIQUE,
    CHECK (ends_at > starts_at));
CREATE INDEX access_requests_product ON access_requests(product_key);
CREATE FUNCTION mesh_access_request_insert() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    -- Sensitive products need two approvals (owner and steward), whatever the client says.
    NEW.approvals_needed := CASE WHEN mesh_is_sensitive(NEW.product_key) THEN 2 ELSE 1 END;
    NEW.status := 'pending';
    NEW.created_at := now();
    NEW.row_version := 1;
    RETURN NEW;
END $f$;
CREATE TRIGGER access_requests_insert BEFORE INSERT ON access_requests
    FOR EACH ROW EXECUTE FUNCTION mesh_access_request_insert();
CREATE FUNCTION mesh_access_request_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF OLD.status <> 'pending' THEN
        RAISE EXCEPTION 'access request #% was already %', OLD.id, OLD.status
            USING ERRCODE = '40001';
    END IF;
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END $f$;
CREATE TRIGGER access_requests_update BEFORE UPDATE ON access_requests
    FOR EACH ROW EXECUTE FUNCTION mesh_access_request_update();
CREATE TABLE access_approvals(
    request_id bigint NOT NULL REFERENCES access_requests(id),
    approver_id text NOT NULL DEFAULT current_user,
    capacity text NOT NULL,
    columns text[] NOT NULL DEFAULT '{}',
    ends_at timestamptz NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    approval_key text GENERATED ALWAYS AS (request_id::text || '/' || approver_id) STORED,
    UNIQUE(request_id, approver_id),
    UNIQUE(request_id, capacity));
CREATE TABLE access_grants(
    id bigserial PRIMARY KEY,
    request_id bigint NOT NULL UNIQUE REFERENCES access_requests(id),
    product_key text NOT NULL,
    user_id text NOT NULL,
    columns text[] NOT NULL DEFAULT '{}',
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by text NOT NULL DEFAULT current_user,
    revoked_at timestamptz,
    revoked_by text,
    revoke_reason text NOT NULL DEFAULT '');
CREATE INDEX access_grants_user ON access_grants(user_id, product_key);
CREATE TABLE product_versions(
    id bigserial PRIMARY KEY,
    product_key text NOT NULL REFERENCES products(key),
    version integer NOT NULL,
    author text NOT NULL DEFAULT current_user,
    created_at timestamptz NOT NULL DEFAULT now(),
    summary text NOT NULL DEFAULT '',
    snapshot jsonb NOT NULL,
    client_token text UNIQUE,
    UNIQUE(product_key, version));
CREATE TABLE governance_policies(
    scope text NOT NULL DEFAULT '',
    kind text NOT NULL,
    parameter text NOT NULL DEFAULT '',
    enabled boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user,
    policy_key text GENERATED ALWAYS AS (scope || '/' || kind) STORED,
    PRIMARY KEY(scope, kind));
INSERT INTO governance_policies(scope, kind, parameter, updated_by) VALUES
    ('', 'required-owner', '', 'governance-council'),
    ('', 'description-min-length', '50', 'governance-council'),
    ('', 'kpi-freshness-sla', '48', 'governance-council'),
    ('', 'naming-convention', '^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$', 'governance-council'),
    ('', 'pii-access-policy', '', 'governance-council');
CREATE TABLE quality_alerts(
    id bigserial PRIMARY KEY,
    product_key text NOT NULL REFERENCES products(key),
    kind text NOT NULL CHECK (kind IN ('missing', 'duplicate', 'drift', 'null-spike')),
    fingerprint text NOT NULL,
    severity text NOT NULL DEFAULT 'warning',
    title text NOT NULL,
    detail text NOT NULL DEFAULT '',
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'resolved')),
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now(),
    acknowledged_by text,
    acknowledged_at timestamptz,
    resolved_by text,
    resolved_at timestamptz,
    note text NOT NULL DEFAULT '');
-- The audit log: seq, time, previous hash and hash are assigned here, under the write lock, so
-- the chain is the commit order. The hash is SHA-256 over the previous hash and the canonical
-- encoding of AuditLog::canonical (model/access/auditlog.cpp): "mesh-audit-v1;" then each of
-- at, actor, action, product_key, subject, detail as <utf-8 byte length>:<value>;
CREATE TABLE audit_log(
    seq bigint PRIMARY KEY,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    product_key text NOT NULL DEFAULT '',
    subject text NOT NULL DEFAULT '',
    detail text NOT NULL DEFAULT '',
    prev_hash text NOT NULL,
    hash text NOT NULL);
CREATE FUNCTION mesh_audit_field(v text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $f$
    SELECT convert_to(octet_length(convert_to(coalesce(v, ''), 'UTF8'))::text || ':', 'UTF8')
           || convert_to(coalesce(v, ''), 'UTF8') || convert_to(';', 'UTF8')
$f$;
CREATE FUNCTION mesh_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
    last_seq bigint;
    last_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(7230113);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    IF NEW.actor IS NULL OR NEW.actor = '' THEN
        NEW.actor := current_user::text;
    END IF;
    NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    NEW.hash := encode(sha256(convert_to(NEW.prev_hash, 'UTF8')
                              || convert_to('mesh-audit-v1;', 'UTF8')
                              || mesh_audit_field(NEW.at) || mesh_audit_field(NEW.actor)
                              || mesh_audit_field(NEW.action)
                              || mesh_audit_field(NEW.product_key)
                              || mesh_audit_field(NEW.subject)
                              || mesh_audit_field(NEW.detail)), 'hex');
    RETURN NEW;
END $f$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION mesh_audit_chain();

CREATE TRIGGER access_requests_changes AFTER INSERT OR UPDATE OR DELETE ON access_requests
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('id');
CREATE TRIGGER access_approvals_changes AFTER INSERT OR UPDATE OR DELETE ON access_approvals
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('approval_key');
CREATE TRIGGER access_grants_changes AFTER INSERT OR UPDATE OR DELETE ON access_grants
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('id');
CREATE TRIGGER product_versions_changes AFTER INSERT OR UPDATE OR DELETE ON product_versions
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('id');
CREATE TRIGGER governance_policies_changes AFTER INSERT OR UPDATE OR DELETE
    ON governance_policies FOR EACH ROW EXECUTE FUNCTION mesh_log_change('policy_key');
CREATE TRIGGER quality_alerts_changes AFTER INSERT OR UPDATE OR DELETE ON quality_alerts
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('id');
CREATE TRIGGER audit_log_changes AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('seq');

-- Privileges: read the catalog; write only through the row-level policies below. No UPDATE or
-- DELETE on the audit log for anyone but its owner (the migration role).
GRANT USAGE ON SCHEMA public TO mesh_user;
GRANT SELECT ON server_info, change_log, domains, users, products, lineage_edges,
    access_requests, access_approvals, access_grants, product_versions, governance_policies,
    quality_alerts, audit_log TO mesh_user;
GRANT UPDATE (name, description, owner_id, steward_id, status, tags, source_system, formats,
              access_policy, freshness_sla_hours, version, updated_at, datasets)
    ON products TO mesh_user;
GRANT INSERT (product_key, requester_id, columns, purpose, starts_at, ends_at, client_token),
      UPDATE (status, decided_at, decided_by, reason) ON access_requests TO mesh_user;
GRANT INSERT ON access_approvals TO mesh_user;
GRANT INSERT (request_id, product_key, user_id, columns, starts_at, ends_at, granted_by),
      UPDATE (revoked_at, revoked_by, revoke_reason) ON access_grants TO mesh_user;
GRANT INSERT (product_key, version, author, summary, snapshot, client_token)
    ON product_versions TO mesh_user;
GRANT INSERT (scope, kind, parameter, enabled, updated_by),
      UPDATE (parameter, enabled, updated_at, updated_by) ON governance_policies TO mesh_user;
GRANT UPDATE (state, acknowledged_by, acknowledged_at, resolved_by, resolved_at, note)
    ON quality_alerts TO mesh_user;
GRANT INSERT (action, product_key, subject, detail, actor) ON audit_log TO mesh_user;
GRANT USAGE ON SEQUENCE access_requests_id_seq, access_grants_id_seq, product_versions_id_seq
    TO mesh_user;

ALTER TABLE server_info ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE domains ENABLE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE lineage_edges ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_approvals ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE product_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE governance_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE quality_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;

-- Catalog metadata is visible to everyone (AccessPolicy: ViewMetadata).
CREATE POLICY everyone_reads ON server_info FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON change_log FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON domains FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON users FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON products FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON lineage_edges FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON product_versions FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON governance_policies FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON quality_alerts FOR SELECT TO mesh_user USING (true);
CREATE POLICY everyone_reads ON audit_log FOR SELECT TO mesh_user USING (true);

-- Only owners and stewards (and admins) update a product's metadata.
CREATE POLICY editors_update ON products FOR UPDATE TO mesh_user
    USING (mesh_may_edit(key)) WITH CHECK (true);
CREATE POLICY editors_version ON product_versions FOR INSERT TO mesh_user
    WITH CHECK (author = current_user::text AND mesh_may_edit(product_key));

-- A requester sees their own requests; owners and stewards see requests for their products.
CREATE POLICY requester_or_approver_reads ON access_requests FOR SELECT TO mesh_user
    USING (requester_id = current_user::text OR mesh_approver_of(product_key)
           OR mesh_has_role('admin'));
CREATE POLICY requester_files ON access_requests FOR INSERT TO mesh_user
    WITH CHECK (requester_id = current_user::text);
CREATE POLICY requester_withdraws_approver_decides ON access_requests FOR UPDATE TO mesh_user
    USING (requester_id = current_user::text OR mesh_approver_of(product_key))
    WITH CHECK ((requester_id = current_user::text AND status = 'withdrawn')
                OR (requester_id <> current_user::text AND mesh_approver_of(product_key)
                    AND status IN ('pending', 'approved', 'denied')));
CREATE POLICY visible_with_request ON access_approvals FOR SELECT TO mesh_user
    USING (EXISTS (SELECT 1 FROM access_requests r WHERE r.id = request_id));
CREATE POLICY approver_approves ON access_approvals FOR INSERT TO mesh_user
    WITH CHECK (approver_id = current_user::text AND EXISTS (
        SELECT 1 FROM access_requests r
         WHERE r.id = request_id AND r.status = 'pending'
           AND r.requester_id <> current_user::text AND mesh_approver_of(r.product_key)));

-- Grants are readable by the grantee and the product's owners and stewards.
CREATE POLICY grantee_or_approver_reads ON access_grants FOR SELECT TO mesh_user
    USING (user_id = current_user::text OR mesh_approver_of(product_key)
           OR mesh_has_role('admin'));
CREATE POLICY approver_grants ON access_grants FOR INSERT TO mesh_user
    WITH CHECK (granted_by = current_user::text AND mesh_approver_of(product_key)
                AND EXISTS (SELECT 1 FROM access_requests r
                             WHERE r.id = request_id AND r.status = 'approved'
                               AND r.requester_id = access_grants.user_id
                               AND r.product_key = access_grants.product_key));
CREATE POLICY administrator_revokes ON access_grants FOR UPDATE TO mesh_user
    USING (revoked_at IS NULL AND mesh_may_administer(product_key)) WITH CHECK (true);

CREATE POLICY policy_setters_insert ON governance_policies FOR INSERT TO mesh_user
    WITH CHECK (mesh_may_set_policy(scope) AND updated_by = current_user::text);
CREATE POLICY policy_setters_update ON governance_policies FOR UPDATE TO mesh_user
    USING (mesh_may_set_policy(scope))
    WITH CHECK (mesh_may_set_policy(scope) AND updated_by = current_user::text);
CREATE POLICY alert_managers_update ON quality_alerts FOR UPDATE TO mesh_user
    USING (mesh_may_manage_alerts(product_key)) WITH CHECK (true);

-- The audit table accepts INSERT only, and only entries in one's own name.
CREATE POLICY own_entries ON audit_log FOR INSERT TO mesh_user
    WITH CHECK (actor = current_user::text);
)SQL";

// Migration 3: LISTEN/NOTIFY. Every transaction that writes change-log entries notifies the
// channel mesh_changes once, at commit (the payload is the transaction id, and PostgreSQL folds
// identical notifications of one transaction into one), so that connected desktops sync within
// a second instead of at their next poll (TeamListener in model/team).
constexpr const char *kMigration3 = R"SQL(
CREATE FUNCTION mesh_notify_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM pg_notify('mesh_changes', txid_current()::text);
    RETURN NULL;
END $f$;
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
    FOR EACH ROW EXECUTE FUNCTION mesh_notify_change();
)SQL";


// Migration 4: preview, export and ownership claims decided on the server, and grants readable
// by the grantee and the product's owner only.
// - mesh_preview_decision(key, columns): what AccessPolicy::decide says for Preview and Export
//   ('allow', 'masked' with the masked PII columns, or 'deny' for an unknown product), from the
//   caller's own active grants; SECURITY INVOKER, so a person learns only their own answer.
// - ownership_claims: a claim is filed by the claimant on a product without owner; a steward (of
//   the domain, or any steward or council member for domain-less dark data) or an admin decides;
//   an approval makes the claimant the owner (a SECURITY DEFINER trigger: the approver need not
//   be allowed to edit the product).
// - Grants: an approval of a request (by an approver, with all approvals it needs) creates the
//   grant and its audit entry in a SECURITY DEFINER trigger, so approvers never read grants back;
//   revoking is an INSERT into grant_revocations (owner or admin), applied by a trigger the same
//   way. Grants are then readable by the grantee and the product's owner only.
constexpr const char *kMigration4 = R"SQL(
CREATE FUNCTION mesh_preview_decision(pkey text, cols text[] DEFAULT '{}',
                                      OUT verdict text, OUT masked text[])
    LANGUAGE plpgsql STABLE AS $f$
DECLARE
    granted text[] := '{}';
    full_grant boolean := false;
BEGIN
    masked := '{}';
    IF NOT EXISTS (SELECT 1 FROM products WHERE key = pkey) THEN
        verdict := 'deny';
        RETURN;
    END IF;
    IF mesh_approver_of(pkey) OR mesh_has_role('admin') THEN
        verdict := 'allow';
        RETURN;
    END IF;
    SELECT coalesce(bool_or(cardinality(g.columns) = 0), false),
           coalesce(array_agg(DISTINCT c) FILTER (WHERE c IS NOT NULL), '{}')
      INTO full_grant, granted
      FROM access_grants g LEFT JOIN LATERAL unnest(g.columns) c ON true
     WHERE g.user_id = current_user::text AND g.product_key = pkey AND g.revoked_at IS NULL
       AND g.starts_at <= now() AND g.ends_at > now();
    IF full_grant THEN
        verdict := 'allow';
        RETURN;
    END IF;
    SELECT coalesce(array_agg(name ORDER BY first), '{}') INTO masked
      FROM (SELECT col ->> 'name' AS name, min(ds.i * 100000 + cl.j) AS first
              FROM products p,
                   jsonb_array_elements(p.datasets) WITH ORDINALITY ds(d, i),
                   jsonb_array_elements(coalesce(ds.d -> 'columns', '[]')) WITH ORDINALITY cl(col, j)
             WHERE p.key = pkey AND coalesce(col ->> 'classification', '') LIKE 'PII%'
               AND (cardinality(cols) = 0 OR (col ->> 'name') = ANY(cols))
               AND NOT ((col ->> 'name') = ANY(granted))
             GROUP BY col ->> 'name') m;
    verdict := CASE WHEN cardinality(masked) = 0 THEN 'allow' ELSE 'masked' END;
END $f$;
CREATE FUNCTION mesh_may_claim(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM products WHERE key = pkey AND owner_id = '')
       AND EXISTS (SELECT 1 FROM users WHERE id = current_user::text)
$f$;
CREATE FUNCTION mesh_may_approve_claim(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM products WHERE key = pkey)
       AND ((mesh_approver_of(pkey) AND NOT mesh_owner_of(pkey))
            OR (EXISTS (SELECT 1 FROM products WHERE key = pkey AND domain = '')
                AND (mesh_has_role('steward') OR mesh_has_role('council')))
            OR mesh_has_role('admin'))
$f$;
CREATE TABLE ownership_claims(
    id bigserial PRIMARY KEY,
    product_key text NOT NULL REFERENCES products(key),
    claimant_id text NOT NULL DEFAULT current_user,
    reason text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'denied', 'withdrawn')),
    created_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz,
    decided_by text,
    decision_reason text NOT NULL DEFAULT '');
CREATE UNIQUE INDEX ownership_claims_one_pending ON ownership_claims(product_key, claimant_id)
    WHERE status = 'pending';
CREATE FUNCTION mesh_claim_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF OLD.status <> 'pending' THEN
        RAISE EXCEPTION 'ownership claim #% was already %', OLD.id, OLD.status
            USING ERRCODE = '40001';
    END IF;
    NEW.decided_at := now();
    NEW.decided_by := current_user::text;
    RETURN NEW;
END $f$;
CREATE TRIGGER ownership_claims_update BEFORE UPDATE ON ownership_claims
    FOR EACH ROW EXECUTE FUNCTION mesh_claim_update();
CREATE FUNCTION mesh_claim_approved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $f$
BEGIN
    IF NEW.status = 'approved' AND OLD.status = 'pending' THEN
        UPDATE products SET owner_id = NEW.claimant_id, updated_at = now()
         WHERE key = NEW.product_key AND owner_id = '';
        INSERT INTO audit_log(action, product_key, subject, detail, actor)
        VALUES ('approve-claim', NEW.product_key, 'claim #' || NEW.id,
                NEW.claimant_id || ' owns it now', NEW.decided_by);
    END IF;
    RETURN NULL;
END $f$;
CREATE TRIGGER ownership_claims_approved AFTER UPDATE ON ownership_claims
    FOR EACH ROW EXECUTE FUNCTION mesh_claim_approved();
CREATE TRIGGER ownership_claims_changes AFTER INSERT OR UPDATE OR DELETE ON ownership_claims
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('id');
GRANT SELECT ON ownership_claims TO mesh_user;
GRANT INSERT (product_key, claimant_id, reason), UPDATE (status, decision_reason)
    ON ownership_claims TO mesh_user;
GRANT USAGE ON SEQUENCE ownership_claims_id_seq TO mesh_user;
ALTER TABLE ownership_claims ENABLE ROW LEVEL SECURITY;
CREATE POLICY claimant_or_decider_reads ON ownership_claims FOR SELECT TO mesh_user
    USING (claimant_id = current_user::text OR mesh_may_approve_claim(product_key));
CREATE POLICY claimant_files ON ownership_claims FOR INSERT TO mesh_user
    WITH CHECK (claimant_id = current_user::text AND mesh_may_claim(product_key));
CREATE POLICY decider_decides_claimant_withdraws ON ownership_claims FOR UPDATE TO mesh_user
    USING (claimant_id = current_user::text OR mesh_may_approve_claim(product_key))
    WITH CHECK ((claimant_id = current_user::text AND status = 'withdrawn')
                OR (claimant_id <> current_user::text AND mesh_may_approve_claim(product_key)
                    AND status IN ('approved', 'denied')));

-- Grants: created and revoked by SECURITY DEFINER triggers, read by grantee and owner only.
CREATE OR REPLACE FUNCTION mesh_access_request_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF OLD.status <> 'pending' THEN
        RAISE EXCEPTION 'access request #% was already %', OLD.id, OLD.status
            USING ERRCODE = '40001';
    END IF;
    IF NEW.status <> OLD.status THEN
        -- Who decided is who ran the statement, whatever the client wrote.
        NEW.decided_by := current_user::text;
        NEW.decided_at := now();
        -- A person approves only with every approval the request needs (the migration role,
        -- which owns the tables, may repair).
        IF NEW.status = 'approved'
           AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper)
           AND current_user::text <> (SELECT tableowner::text FROM pg_tables
                                       WHERE schemaname = 'public'
                                         AND tablename = 'access_requests')
           AND (SELECT count(*) FROM access_approvals a WHERE a.request_id = OLD.id)
               < OLD.approvals_needed THEN
            RAISE EXCEPTION 'access request #% needs % approval(s) before it is approved',
                OLD.id, OLD.approvals_needed USING ERRCODE = '42501';
        END IF;
    END IF;
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END $f$;
CREATE FUNCTION mesh_grant_on_approval() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $f$
DECLARE
    gid bigint;
BEGIN
    IF NEW.status = 'approved' AND OLD.status = 'pending'
       AND NOT EXISTS (SELECT 1 FROM access_grants WHERE request_id = NEW.id) THEN
        INSERT INTO access_grants(request_id, product_key, user_id, columns, starts_at, ends_at,
                                  granted_by)
        VALUES (NEW.id, NEW.product_key, NEW.requester_id, NEW.columns,
                greatest(NEW.starts_at, now()), NEW.ends_at, NEW.decided_by)
        RETURNING id INTO gid;
        INSERT INTO audit_log(action, product_key, subject, detail, actor)
        VALUES ('grant', NEW.product_key, 'grant #' || gid,
                'for ' || NEW.requester_id || ' (request #' || NEW.id || ')', NEW.decided_by);
    END IF;
    RETURN NULL;
END $f$;
CREATE TRIGGER access_requests_grant AFTER UPDATE ON access_requests
    FOR EACH ROW EXECUTE FUNCTION mesh_grant_on_approval();
CREATE FUNCTION mesh_grant_product(grant_id bigint) RETURNS text LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public AS $f$
    SELECT product_key FROM access_grants WHERE id = grant_id
$f$;
CREATE TABLE grant_revocations(
    id bigserial PRIMARY KEY,
    grant_id bigint NOT NULL REFERENCES access_grants(id),
    revoked_by text NOT NULL DEFAULT current_user,
    reason text NOT NULL DEFAULT '',
    at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION mesh_apply_revocation() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $f$
DECLARE
    g access_grants%ROWTYPE;
BEGIN
    SELECT * INTO g FROM access_grants WHERE id = NEW.grant_id FOR UPDATE;
    IF g.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'grant #% was already revoked by %', g.id, g.revoked_by
            USING ERRCODE = '40001';
    END IF;
    UPDATE access_grants SET revoked_at = NEW.at, revoked_by = NEW.revoked_by,
                             revoke_reason = NEW.reason
     WHERE id = NEW.grant_id;
    INSERT INTO audit_log(action, product_key, subject, detail, actor)
    VALUES ('revoke', g.product_key, 'grant #' || g.id,
            'of ' || g.user_id || CASE WHEN NEW.reason = '' THEN '' ELSE ': ' || NEW.reason END,
            NEW.revoked_by);
    RETURN NULL;
END $f$;
CREATE TRIGGER grant_revocations_apply AFTER INSERT ON grant_revocations
    FOR EACH ROW EXECUTE FUNCTION mesh_apply_revocation();
GRANT INSERT (grant_id, reason) ON grant_revocations TO mesh_user;
GRANT USAGE ON SEQUENCE grant_revocations_id_seq TO mesh_user;
ALTER TABLE grant_revocations ENABLE ROW LEVEL SECURITY;
CREATE POLICY administrator_revokes ON grant_revocations FOR INSERT TO mesh_user
    WITH CHECK (revoked_by = current_user::text
                AND mesh_may_administer(mesh_grant_product(grant_id)));
DROP POLICY grantee_or_approver_reads ON access_grants;
DROP POLICY approver_grants ON access_grants;
DROP POLICY administrator_revokes ON access_grants;
REVOKE INSERT, UPDATE ON access_grants FROM mesh_user;
CREATE POLICY grantee_or_owner_reads ON access_grants FOR SELECT TO mesh_user
    USING (user_id = current_user::text OR mesh_owner_of(product_key));
)SQL";

// Migration 5 (team edits of datasets and columns; narrowed approvals): an approver may approve
// with fewer columns or an earlier end than were requested, never more or later, and the grant
// gets the narrowest terms every approval gave, as AccessService::approve does on a desktop.
// - access_approvals_narrowing: checks an approval's columns and end against its request (and,
//   for a request of all columns, against the product's columns); columns empty = as requested.
// - mesh_grant_on_approval: the grant's columns are the request's narrowed by each approval (in
//   the request's order), its end the earliest of the request's and the approvals'; approvals
//   whose columns have nothing in common refuse the approval (deny instead).
// Column metadata edits need no server change: products.datasets is already updatable by
// editors only (policy editors_update) and versioned with the row.
constexpr const char *kMigration5 = R"SQL(
CREATE FUNCTION mesh_approval_narrowing() RETURNS trigger LANGUAGE plpgsql
    SET search_path = public AS $f$
DECLARE
    r access_requests%ROWTYPE;
    known text[];
    c text;
BEGIN
    SELECT * INTO r FROM access_requests WHERE id = NEW.request_id;
    IF NOT FOUND THEN
        RETURN NEW; -- the foreign key and the policy refuse it
    END IF;
    IF NEW.ends_at IS NULL THEN
        NEW.ends_at := r.ends_at;
    END IF;
    IF NEW.ends_at > r.ends_at THEN
        RAISE EXCEPTION 'an approval can only shorten the period: request #% ends %', r.id,
            to_char(r.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') USING ERRCODE = '22023';
    END IF;
    IF NEW.ends_at <= r.starts_at OR NEW.ends_at <= now() THEN
        RAISE EXCEPTION 'the shortened period of request #% must end after it starts and in the future',
            r.id USING ERRCODE = '22023';
    END IF;
    IF cardinality(NEW.columns) > 0 THEN
        IF cardinality(r.columns) > 0 THEN
            known := r.columns;
        ELSE
            SELECT coalesce(array_agg(col ->> 'name'), '{}') INTO known
              FROM products p, jsonb_array_elements(p.datasets) ds,
                   jsonb_array_elements(coalesce(ds -> 'columns', '[]')) col
             WHERE p.key = r.product_key;
        END IF;
        FOREACH c IN ARRAY NEW.columns LOOP
            IF NOT (c = ANY(known)) THEN
                RAISE EXCEPTION 'column "%" was not requested in request #%; an approval can only narrow the columns',
                    c, r.id USING ERRCODE = '22023';
            END IF;
        END LOOP;
    END IF;
    RETURN NEW;
END $f$;
CREATE TRIGGER access_approvals_narrowing BEFORE INSERT ON access_approvals
    FOR EACH ROW EXECUTE FUNCTION mesh_approval_narrowing();
CREATE OR REPLACE FUNCTION mesh_grant_on_approval() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public AS $f$
DECLARE
    gid bigint;
    cols text[];
    ends timestamptz;
    narrowed boolean := false;
    a record;
BEGIN
    IF NEW.status = 'approved' AND OLD.status = 'pending'
       AND NOT EXISTS (SELECT 1 FROM access_grants WHERE request_id = NEW.id) THEN
        cols := NEW.columns;
        ends := NEW.ends_at;
        FOR a IN SELECT columns, ends_at FROM access_approvals WHERE request_id = NEW.id
                  ORDER BY approved_at, approver_id LOOP
            ends := least(ends, a.ends_at);
            CONTINUE WHEN cardinality(a.columns) = 0;
            IF cardinality(cols) = 0 AND NOT narrowed THEN
                cols := a.columns;
            ELSE
                cols := ARRAY(SELECT x FROM unnest(cols) WITH ORDINALITY u(x, i)
                               WHERE x = ANY(a.columns) ORDER BY i);
            END IF;
            narrowed := true;
        END LOOP;
        IF narrowed AND cardinality(cols) = 0 THEN
            RAISE EXCEPTION 'the approvers'' column choices for request #% have no column in common; deny the request instead',
                NEW.id USING ERRCODE = '22023';
        END IF;
        INSERT INTO access_grants(request_id, product_key, user_id, columns, starts_at, ends_at,
                                  granted_by)
        VALUES (NEW.id, NEW.product_key, NEW.requester_id, cols,
                greatest(NEW.starts_at, now()), ends, NEW.decided_by)
        RETURNING id INTO gid;
        INSERT INTO audit_log(action, product_key, subject, detail, actor)
        VALUES ('grant', NEW.product_key, 'grant #' || gid,
                'for ' || NEW.requester_id || ' (request #' || NEW.id || '): '
                || CASE WHEN cardinality(cols) = 0 THEN 'all columns'
                        ELSE 'columns ' || array_to_string(cols, ',') END
                || ' until ' || to_char(ends AT TIME ZONE 'UTC', 'YYYY-MM-DD'), NEW.decided_by);
    END IF;
    RETURN NULL;
END $f$;
)SQL";

// Migration 6 (quality alerts reported by desktops, issue #12): a desktop's scan reports the
// alerts it raises to the team server. Anyone the catalog knows may report an alert on a product
// (the local scan raises alerts without a policy check either); acknowledging and resolving stay
// with the product's owner, stewards, administrators and the governance council
// (mesh_may_manage_alerts, AccessPolicy's ManageQualityAlerts). The natural key of a live alert
// is (product_key, fingerprint), as in the desktop's catalog: a unique index keeps one live
// alert per finding however many desktops report it, and reporting a live one again only
// refreshes its last_seen (mesh_alert_seen_again). Live duplicates from before are resolved as
// such, never deleted.
constexpr const char *kMigration6 = R"SQL(
UPDATE quality_alerts a SET state = 'resolved', resolved_by = 'server-migration',
       resolved_at = now(), note = 'duplicate of alert #' || d.keep
  FROM (SELECT product_key, fingerprint, min(id) AS keep FROM quality_alerts
         WHERE state <> 'resolved' GROUP BY product_key, fingerprint HAVING count(*) > 1) d
 WHERE a.product_key = d.product_key AND a.fingerprint = d.fingerprint AND a.id <> d.keep
   AND a.state <> 'resolved';
CREATE UNIQUE INDEX quality_alerts_live ON quality_alerts(product_key, fingerprint)
    WHERE state <> 'resolved';
ALTER TABLE quality_alerts ADD COLUMN reported_by text NOT NULL DEFAULT current_user;
CREATE FUNCTION mesh_may_report_alert(pkey text) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM products WHERE key = pkey)
       AND EXISTS (SELECT 1 FROM users WHERE id = current_user::text)
$f$;
GRANT INSERT (product_key, kind, fingerprint, severity, title, detail, reported_by)
    ON quality_alerts TO mesh_user;
GRANT USAGE ON SEQUENCE quality_alerts_id_seq TO mesh_user;
CREATE POLICY reporters_insert ON quality_alerts FOR INSERT TO mesh_user
    WITH CHECK (reported_by = current_user::text AND state = 'open'
                AND mesh_may_report_alert(product_key));
CREATE FUNCTION mesh_alert_seen_again(alert_id bigint) RETURNS boolean LANGUAGE sql VOLATILE
    SECURITY DEFINER SET search_path = public AS $f$
    WITH touched AS (UPDATE quality_alerts SET last_seen = now()
                      WHERE id = alert_id AND state <> 'resolved' RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM touched)
$f$;
REVOKE EXECUTE ON FUNCTION mesh_alert_seen_again(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mesh_alert_seen_again(bigint) TO mesh_user;
)SQL";

// Migration 7 (exactly-once uses, issue #12): a preview or export a desktop records
// (TeamWrite::Kind::RecordUse) carries the write's token, unique per write, into its audit entry,
// as requests and edits carry theirs (access_requests/product_versions.client_token). A replay
// after a lost acknowledgement finds the entry by its token and adds no second one. The token is
// not part of the entry's hash: it names the write, it is not what was audited. Anyone may still
// insert entries in their own name only (policy own_entries); the token is one more column they
// may set.
constexpr const char *kMigration7 = R"SQL(
ALTER TABLE audit_log ADD COLUMN client_token text UNIQUE;
GRANT INSERT (client_token) ON audit_log TO mesh_user;
)SQL";

// Migration 8 (data contracts on the team catalog, issues #9 and #12): the ODCS v3 document
// imported for a product, one per product as in the desktop's catalog (product_contracts), so
// that `contract export` and `contract check` on any desktop use the contract a person imported
// on another. Everyone reads contracts; importing one is editing the product's metadata
// (mesh_may_edit: its owner, a steward, an administrator), in one's own name. The import's
// metadata changes are an ordinary edit (products, product_versions) in the same transaction;
// client_token makes a replayed import apply once.
constexpr const char *kMigration8 = R"SQL(
CREATE TABLE product_contracts(
    product_key text PRIMARY KEY REFERENCES products(key) ON DELETE CASCADE,
    yaml text NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    imported_by text NOT NULL DEFAULT current_user,
    client_token text UNIQUE);
CREATE TRIGGER product_contracts_changes AFTER INSERT OR UPDATE OR DELETE ON product_contracts
    FOR EACH ROW EXECUTE FUNCTION mesh_log_change('product_key');
GRANT SELECT ON product_contracts TO mesh_user;
GRANT INSERT (product_key, yaml, imported_at, imported_by, client_token),
      UPDATE (yaml, imported_at, imported_by, client_token) ON product_contracts TO mesh_user;
ALTER TABLE product_contracts ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON product_contracts FOR SELECT TO mesh_user USING (true);
CREATE POLICY editors_import ON product_contracts FOR INSERT TO mesh_user
    WITH CHECK (imported_by = current_user::text AND mesh_may_edit(product_key));
CREATE POLICY editors_reimport ON product_contracts FOR UPDATE TO mesh_user
    USING (mesh_may_edit(product_key))
    WITH CHECK (imported_by = current_user::text AND mesh_may_edit(product_key));
)SQL";

constexpr const char *kMigrations[] = {kMigration1, kMigration2, kMigration3, kMigration4,
                                       kMigration5, kMigration6, kMigration7, kMigration8};
static_assert(std::size(kMigrations) == kLatestVersion, "kLatestVersion counts the migrations");

} // namespace

int currentVersion(PgConnection &conn, QString *error)
{
    const PgResult exists =
        conn.exec(QStringLiteral("SELECT to_regclass('public.server_schema_version') IS NOT NULL"));
    if (!exists.ok()) {
        if (error)
            *error = QStringLiteral("team server %1: %2").arg(conn.server(), exists.error());
        return -1;
    }
    if (!exists.boolean(0, 0))
        return 0;
    const PgResult r = conn.exec(QStringLiteral("SELECT version FROM server_schema_version"));
    if (!r.ok()) {
        if (error)
            *error = QStringLiteral("team server %1: %2").arg(conn.server(), r.error());
        return -1;
    }
    return r.rows() ? int(r.integer(0, 0)) : 0;
}

bool migrate(PgConnection &conn, int targetVersion, QString *error)
{
    if (targetVersion > kLatestVersion || targetVersion < 0) {
        if (error)
            *error = QStringLiteral("server schema %1 is unknown to this build (it knows 0..%2)")
                         .arg(targetVersion)
                         .arg(kLatestVersion);
        return false;
    }
    if (!conn.run(QStringLiteral("BEGIN"), {}, error))
        return false;
    auto abort = [&conn]() {
        conn.exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    // The version table and its lock come first, so that concurrent migrators queue up here.
    if (!conn.run(QStringLiteral("CREATE TABLE IF NOT EXISTS server_schema_version("
                                 "version integer NOT NULL, migrated_at timestamptz NOT NULL "
                                 "DEFAULT now(), only_row boolean PRIMARY KEY DEFAULT true "
                                 "CHECK (only_row))"),
                  {}, error) ||
        !conn.run(QStringLiteral("LOCK TABLE server_schema_version IN EXCLUSIVE MODE"), {}, error))
        return abort();
    const int from = currentVersion(conn, error);
    if (from < 0)
        return abort();
    if (from > kLatestVersion) {
        if (error)
            *error = QStringLiteral("team server %1 has schema %2, newer than this build's %3; "
                                    "upgrade Mesh Explorer")
                         .arg(conn.server())
                         .arg(from)
                         .arg(kLatestVersion);
        return abort();
    }
    if (from >= targetVersion)
        return conn.run(QStringLiteral("COMMIT"), {}, error);
    for (int v = from + 1; v <= targetVersion; ++v) {
        const PgResult r = conn.exec(QString::fromUtf8(kMigrations[v - 1]));
        if (!r.ok()) {
            if (error)
                *error = QStringLiteral("team server %1: migration to server schema %2 failed: %3")
                             .arg(conn.server())
                             .arg(v)
                             .arg(r.error());
            return abort();
        }
    }
    if (!conn.run(QStringLiteral("INSERT INTO server_schema_version(version) VALUES ($1) "
                                 "ON CONFLICT (only_row) DO UPDATE SET version = excluded.version, "
                                 "migrated_at = now()"),
                  {targetVersion}, error) ||
        !conn.run(QStringLiteral("GRANT SELECT ON server_schema_version TO mesh_user"), {}, error))
        return abort();
    return conn.run(QStringLiteral("COMMIT"), {}, error);
}

} // namespace Mesh::ServerSchema
