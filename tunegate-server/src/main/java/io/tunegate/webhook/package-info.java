/**
 * Outgoing webhooks: the endpoints a project registers, their signing secrets (Standard Webhooks), and
 * the delivery of domain events to them.
 */
package io.tunegate.webhook;
