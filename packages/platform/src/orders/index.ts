/**
 * The callback orders feature: intake, the ring schedule, the operators' order events,
 * notifications.
 */
export { registerAdminOrders } from './admin-orders';
export { type AutoCallbacks, autoCallbacks, type Take } from './auto-callback';
export { orderRoutingOf } from './callback-mode';
export { dueTasksRepository } from './due-tasks-store';
export { registerOpsCallbacks } from './ops-callbacks';
export { opsOrder } from './ops-order';
export { type OrderFeed, orderFeed } from './order-feed';
export type {
  DueTask,
  DueTasksRepository,
  Order,
  OrderEvent,
  OrderStatus,
  OrdersRepository,
  Utm,
} from './order-records';
export { toOrder, utmOf } from './order-rows';
export { ordersRepository } from './orders-store';
export { parsePhone } from './parse-phone';
export { registerPublicCallbacks } from './public-callbacks';
export { ringDue } from './ring-due';
