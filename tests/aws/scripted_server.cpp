#include "scripted_server.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rg::test {

ScriptedAction respond(int status, std::string body, std::string content_type) {
  ScriptedAction action;
  action.status = status;
  action.body = std::move(body);
  action.content_type = std::move(content_type);
  return action;
}

ScriptedAction drop_connection() {
  ScriptedAction action;
  action.kind = ScriptedAction::Kind::kDrop;
  return action;
}

ScriptedAction stall(std::chrono::milliseconds how_long) {
  ScriptedAction action;
  action.kind = ScriptedAction::Kind::kStall;
  action.stall = how_long;
  return action;
}

ScriptedServer::ScriptedServer(std::vector<ScriptedAction> script) : script_(script.begin(), script.end()) {
  start();
}

ScriptedServer::ScriptedServer(Router route) : route_(std::move(route)) {
  start();
}

void ScriptedServer::start() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  ::listen(listen_fd_, 16);
  socklen_t length = sizeof(address);
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

ScriptedServer::~ScriptedServer() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    for (const int fd : open_fds_) {
      ::shutdown(fd, SHUT_RDWR);
    }
  }
  ::shutdown(listen_fd_, SHUT_RDWR);
  ::close(listen_fd_);
  acceptor_.join();
  for (auto& worker : workers_) {
    worker.join();
  }
}

std::string ScriptedServer::url() const {
  return fmt::format("http://127.0.0.1:{}", port_);
}

std::vector<std::string> ScriptedServer::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

int ScriptedServer::connections() const {
  const std::lock_guard lock(mutex_);
  return connections_;
}

void ScriptedServer::accept_loop() {
  for (;;) {
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) {
      return;
    }
    const std::lock_guard lock(mutex_);
    if (stopping_) {
      ::close(fd);
      return;
    }
    ++connections_;
    open_fds_.push_back(fd);
    workers_.emplace_back([this, fd] { serve(fd); });
  }
}

void ScriptedServer::serve(int fd) {
  std::string buffer;
  char chunk[4096];
  for (;;) {
    size_t head_end = buffer.find("\r\n\r\n");
    while (head_end == std::string::npos) {
      const ssize_t got = ::recv(fd, chunk, sizeof(chunk), 0);
      if (got <= 0) {
        ::close(fd);
        return;
      }
      buffer.append(chunk, static_cast<size_t>(got));
      head_end = buffer.find("\r\n\r\n");
    }
    size_t body_length = 0;
    std::string head = buffer.substr(0, head_end);
    for (auto& c : head) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const size_t at = head.find("content-length:");
    if (at != std::string::npos) {
      body_length = std::stoul(head.substr(at + 15));
    }
    while (buffer.size() < head_end + 4 + body_length) {
      const ssize_t got = ::recv(fd, chunk, sizeof(chunk), 0);
      if (got <= 0) {
        ::close(fd);
        return;
      }
      buffer.append(chunk, static_cast<size_t>(got));
    }
    ScriptedAction action =
        respond(500, "<ErrorResponse><Error><Code>ScriptEnded</Code></Error></ErrorResponse>");
    {
      const std::lock_guard lock(mutex_);
      requests_.push_back(buffer.substr(0, head_end + 4 + body_length));
      if (route_) {
        action = route_(requests_.back());
      } else if (!script_.empty()) {
        action = script_.front();
        script_.pop_front();
      }
    }
    buffer.erase(0, head_end + 4 + body_length);
    if (action.kind == ScriptedAction::Kind::kDrop) {
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
      return;
    }
    if (action.kind == ScriptedAction::Kind::kStall) {
      std::this_thread::sleep_for(action.stall);
      ::close(fd);
      return;
    }
    const std::string response = fmt::format(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nx-amzn-RequestId: r-1\r\n\r\n{}",
        action.status, action.content_type, action.body.size(), action.body);
    ::send(fd, response.data(), response.size(), MSG_NOSIGNAL);
  }
}

} // namespace rg::test
