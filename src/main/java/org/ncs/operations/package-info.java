/**
 * What operators of a cluster rely on: a request id in every log line, the service's metrics for Prometheus, the
 * job executor finishing its work on shutdown. Nothing here changes what users see.
 */
package org.ncs.operations;
