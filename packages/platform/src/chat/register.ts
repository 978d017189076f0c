import type { Server } from 'socket.io';
import type { AppContext } from '../context';
import type { ChatFeed } from './feed';
import { registerVisitor } from './visitor-events';
import { visitorHandshake } from './visitor-handshake';

/** Opens the visitors' namespace `/chat`: the handshake, then each visitor socket's events. */
export function registerChat(io: Server, ctx: AppContext, feed: ChatFeed): void {
  const chat = io.of('/chat');
  chat.use(visitorHandshake(ctx));
  chat.on('connection', (socket) => registerVisitor(socket, ctx, io.of('/ops'), feed));
}
