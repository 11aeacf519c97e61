/**
 * Small interfaces the core needs and others implement (style: ports in the core,
 * implementations outside). Each is optional: a command whose port is missing says so.
 */
export interface Ports {
  // Feeds (issue #3) and delivery (issue #7) add their ports here.
}
